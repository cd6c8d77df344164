package dev.evalgate.target;

import dev.evalgate.tools.ToolCall;

import java.util.List;

/**
 * What a target answered: the text, the tools it asked to call, and, when the target knows them, the tokens it used
 * and, for a streamed answer, when its first token arrived.
 *
 * @param usage     null when the target does not report tokens
 * @param toolCalls the tool calls of this answer, in order; empty for a final answer
 * @param stream    null unless the answer was streamed
 */
public record Reply(String text, TokenUsage usage, List<ToolCall> toolCalls, StreamTiming stream) {

    public Reply {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** An answer that may call tools and was not streamed. */
    public Reply(String text, TokenUsage usage, List<ToolCall> toolCalls) {
        this(text, usage, toolCalls, null);
    }

    /** A streamed answer without tool calls. */
    public Reply(String text, TokenUsage usage, StreamTiming stream) {
        this(text, usage, List.of(), stream);
    }

    /** An answer that was not streamed and calls no tool. */
    public Reply(String text, TokenUsage usage) {
        this(text, usage, List.of(), null);
    }

    public static Reply of(String text) {
        return new Reply(text, null);
    }

    public static Reply of(String text, long inputTokens, long outputTokens) {
        return new Reply(text, new TokenUsage(inputTokens, outputTokens));
    }

    /** The same answer with its text replaced, its usage, tool calls and timing kept. */
    public Reply withText(String replaced) {
        return new Reply(replaced, usage, toolCalls, stream);
    }

    /** The same answer without stream timing, as a cached copy is: no call was made, so there is no first token. */
    public Reply untimed() {
        return stream == null ? this : new Reply(text, usage, toolCalls, null);
    }
}
