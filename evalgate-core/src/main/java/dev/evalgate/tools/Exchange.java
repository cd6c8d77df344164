package dev.evalgate.tools;

import java.util.List;

/**
 * The whole of one conversation a target held on one case: every turn, every model call, and how it ended.
 *
 * @param transcript  the turns in order: the case's own, then each assistant reply and each scripted tool result
 * @param calls       the model calls, one per step
 * @param tools       the tools that were on offer, so a scorer can check arguments against their schemas
 * @param hitMaxSteps the model was still calling tools when the loop reached {@code maxSteps}
 */
public record Exchange(List<Turn> transcript, List<ModelCall> calls, List<ToolSpec> tools, boolean hitMaxSteps,
                       int maxSteps) {

    public Exchange {
        transcript = List.copyOf(transcript);
        calls = List.copyOf(calls);
        tools = List.copyOf(tools);
    }

    /** The model calls made: the conversation's steps. */
    public int steps() {
        return calls.size();
    }

    /** Every tool call the model made, in order. */
    public List<ToolCall> toolCalls() {
        return calls.stream().flatMap(c -> c.toolCalls().stream()).toList();
    }
}
