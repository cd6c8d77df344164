package dev.evalgate.tools;

import dev.evalgate.target.TokenUsage;

import java.util.List;

/**
 * One model call of a conversation: when in the loop it came, how long it took, what it cost and what it asked.
 *
 * @param step      1-based position in the conversation
 * @param latencyMs wall time of the call's last attempt; NaN when it came from the response cache
 * @param costUsd   null when unknown
 * @param text      the text the model answered with at this step (often empty beside tool calls)
 */
public record ModelCall(int step, double latencyMs, int attempts, TokenUsage usage, Double costUsd, boolean cached,
                        String text, List<ToolCall> toolCalls) {

    public ModelCall {
        toolCalls = List.copyOf(toolCalls);
        text = text == null ? "" : text;
    }
}
