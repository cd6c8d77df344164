package dev.evalgate.target;

import dev.evalgate.tools.ToolCall;

import java.util.List;

/**
 * What a target answered: the text, the tools it asked to call, and, when the target knows them, the tokens it used.
 *
 * @param usage     null when the target does not report tokens
 * @param toolCalls the tool calls of this answer, in order; empty for a final answer
 */
public record Reply(String text, TokenUsage usage, List<ToolCall> toolCalls) {

    public Reply {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public Reply(String text, TokenUsage usage) {
        this(text, usage, List.of());
    }

    public static Reply of(String text) {
        return new Reply(text, null);
    }

    public static Reply of(String text, long inputTokens, long outputTokens) {
        return new Reply(text, new TokenUsage(inputTokens, outputTokens));
    }
}
