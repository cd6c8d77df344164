package dev.evalgate.tools;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation: a system, user or assistant turn, or the result of one tool call.
 *
 * @param role       {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content    the text; for a tool turn, the scripted result; may be empty for an assistant turn that only
 *                   calls tools
 * @param toolCalls  the calls an assistant turn asked for; empty otherwise
 * @param toolCallId for a tool turn, the id of the call it answers; null otherwise
 * @param toolName   for a tool turn, the tool that answered; null otherwise
 * @param error      for a tool turn, whether the script answered with an error
 */
public record Turn(String role, String content, List<ToolCall> toolCalls, String toolCallId, String toolName,
                   boolean error) {

    public static final List<String> ROLES = List.of("system", "user", "assistant", "tool");

    public Turn {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static Turn of(String role, String content) {
        return new Turn(role, content, List.of(), null, null, false);
    }

    public static Turn assistant(String content, List<ToolCall> calls) {
        return new Turn("assistant", content, calls, null, null, false);
    }

    public static Turn toolResult(ToolCall call, ToolResult result) {
        return new Turn("tool", result.content(), List.of(), call.id(), call.name(), result.error());
    }
}
