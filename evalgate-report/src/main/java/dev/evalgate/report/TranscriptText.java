package dev.evalgate.report;

import dev.evalgate.tools.Exchange;
import dev.evalgate.tools.ModelCall;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.Turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation as lines of text: each turn, each model call with its time, each tool call with its arguments and
 * the scripted result it got.
 */
public final class TranscriptText {

    private static final int CLIP = 300;

    private TranscriptText() {
    }

    public static List<String> lines(Exchange x) {
        List<String> lines = new ArrayList<>();
        Map<String, Turn> results = new HashMap<>();
        x.transcript().stream().filter(t -> "tool".equals(t.role())).forEach(t -> results.put(t.toolCallId(), t));
        long assistants = x.transcript().stream().filter(t -> "assistant".equals(t.role())).count();
        int firstStepTurn = (int) assistants - x.calls().size(); // earlier assistant turns came with the case
        int assistant = 0;
        for (Turn t : x.transcript()) {
            switch (t.role()) {
                case "tool" -> {
                    // printed under the call it answers
                }
                case "assistant" -> {
                    int index = assistant++ - firstStepTurn;
                    if (index < 0) {
                        lines.add("assistant: " + Format.line(t.content(), CLIP));
                        continue;
                    }
                    ModelCall call = x.calls().get(index);
                    String head = "step " + call.step() + " (" + (call.cached() ? "cached" : Format.millis(call.latencyMs()))
                            + (call.attempts() > 1 ? ", " + call.attempts() + " attempts" : "") + ")";
                    if (t.toolCalls().isEmpty()) {
                        lines.add(head + " answer: " + Format.line(t.content(), CLIP));
                        continue;
                    }
                    lines.add(head + (t.content().isEmpty() ? " calls:" : " says " + Format.line(t.content(), 120)
                            + " and calls:"));
                    for (ToolCall c : t.toolCalls()) {
                        Turn r = results.get(c.id());
                        lines.add("    " + Format.line(c.shown(), CLIP) + (r == null ? "  (not answered: the loop stopped)"
                                : (r.error() ? "  -> error: " : "  -> ") + Format.line(r.content(), CLIP)));
                    }
                }
                default -> lines.add(t.role() + ": " + Format.line(t.content(), CLIP));
            }
        }
        if (x.calls().size() > assistant - Math.max(0, firstStepTurn)) {
            ModelCall failed = x.calls().getLast();
            lines.add("step " + failed.step() + " (" + Format.millis(failed.latencyMs()) + ") failed");
        }
        if (x.hitMaxSteps()) {
            lines.add("stopped at max_steps " + x.maxSteps());
        }
        return lines;
    }
}
