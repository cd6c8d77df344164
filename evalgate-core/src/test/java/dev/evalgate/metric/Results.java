package dev.evalgate.metric;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.run.CallError;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.target.TokenUsage;

import java.util.List;
import java.util.Map;

/** Hand-built case results for the metric tests. */
final class Results {

    private Results() {
    }

    static Sample pass(double latencyMs) {
        return sample(Outcome.PASS, "ok", latencyMs, new TokenUsage(10, 2), 0.001);
    }

    static Sample fail(double latencyMs) {
        return sample(Outcome.FAIL, "wrong", latencyMs, new TokenUsage(10, 2), 0.001);
    }

    static Sample error(double latencyMs) {
        return new Sample(0, null, null, Outcome.ERROR, 0, List.of(Score.error("equals", "timeout")), latencyMs,
                null, null, 1, new CallError("timeout", "no answer within " + latencyMs + " ms"));
    }

    static Sample sample(Outcome outcome, String output, double latencyMs, TokenUsage usage, Double costUsd) {
        Score score = outcome == Outcome.PASS ? Score.pass("equals", "matched") : Score.fail("equals", "differs");
        return new Sample(0, output, output, outcome, score.value(), List.of(score), latencyMs, usage, costUsd, 1,
                null);
    }

    /** A classification sample: PASS when the output equals the expected label. */
    static CaseResult labelled(String id, String expected, String predicted) {
        Case kase = Case.of(id, "text of " + id, Expected.text(expected));
        Sample sample = predicted == null ? error(100)
                : sample(predicted.equals(expected) ? Outcome.PASS : Outcome.FAIL, predicted, 100, null, null);
        return CaseResult.of("t", kase, List.of(sample));
    }

    static CaseResult result(String id, Sample... samples) {
        return CaseResult.of("t", Case.of(id, "input " + id, Expected.text("ok")), List.of(samples));
    }

    static CaseResult tagged(String id, Map<String, String> tags, Sample... samples) {
        Case kase = new Case(id, Map.of("input", "input " + id), Expected.text("ok"), tags, null, id);
        return CaseResult.of("t", kase, List.of(samples));
    }
}
