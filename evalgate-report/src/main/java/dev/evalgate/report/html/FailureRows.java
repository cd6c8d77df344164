package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;

import java.util.Map;

/**
 * The failure rows of the run view: every case a candidate did not pass, failed or errored, in target order and
 * then by case id. The server pages the same rows out of the store, so it builds each one with {@link #row}.
 */
public final class FailureRows {

    private FailureRows() {
    }

    /**
     * One row: {@code {caseId, target, outcome, input, expected, output, error, reason, judgeError, score,
     * latencyMs}}. A case the target errored on has its error text in {@code error} and a null {@code output}; a
     * judge error keeps the output and says what went wrong in {@code reason}. Long texts are cut to a few thousand
     * characters.
     *
     * @param input the case's input text, or null when not known
     */
    public static ObjectNode row(String target, CaseRecord c, String input) {
        ObjectNode row = ViewJson.object();
        row.put("caseId", c.caseId());
        row.put("target", target);
        row.put("outcome", c.outcome().name());
        ViewJson.text(row, "input", input);
        ViewJson.text(row, "expected", c.expected());
        // a judge error is the judge's failure, not the target's: the target's answer is shown as its output
        boolean targetError = c.errored() && !c.judgeError();
        ViewJson.text(row, "output", targetError ? null : c.output());
        ViewJson.text(row, "error", targetError ? c.output() : null);
        ViewJson.text(row, "reason", c.reason());
        row.put("judgeError", c.judgeError());
        ViewJson.number(row, "score", c.score());
        return ViewJson.number(row, "latencyMs", c.latencyMs());
    }

    /** The key of a case's transcript: its target and case id. */
    public static String key(String target, String caseId) {
        return target + "\u0000" + caseId;
    }

    /**
     * Every case not passed, with its input looked up by case id in {@code inputs} and its conversation by
     * {@link #key} in {@code transcripts} (either may be empty).
     */
    static ArrayNode json(RunRecord run, Map<String, String> inputs, Map<String, String> transcripts) {
        ArrayNode rows = ViewJson.array();
        for (TargetRecord t : run.targets()) {
            for (CaseRecord c : t.cases()) {
                if (!c.passed()) {
                    ObjectNode row = row(t.target(), c, inputs.get(c.caseId()));
                    ViewJson.text(row, "transcript", transcripts.get(key(t.target(), c.caseId())));
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
