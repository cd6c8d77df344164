package dev.evalgate.compare;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;

import java.util.Map;

/**
 * What a comparison needs to know of one case of one target: its outcome, score, latency, tokens, cost, and the
 * expected and actual output to show when it flipped.
 *
 * @param latencyMs mean latency of the case's timed calls; NaN when no call reached the target (all were answered
 *                  from the cache, or failed before the call)
 * @param costUsd   total cost of the case's calls, or null when unknown
 * @param tokensIn  null when the target reported no usage
 * @param tags      the case's slice keys and values, read by the per-slice comparison; never null
 * @param reason    why the case did not pass: the scorers' reasons for its first sample that did not pass,
 *                  {@code scorer: reason} joined by "; "; null for a case that passed
 * @param judgeError the case errored because a model judge gave no verdict, not because the target failed: its
 *                   output is the target's answer and its reason says what went wrong with the judge
 * @param ttftMs    mean time to first token of the case's live streamed calls; NaN when none streamed
 */
public record CaseRecord(String caseId, Outcome outcome, double passFraction, double score, double latencyMs,
                         Long tokensIn, Long tokensOut, Double costUsd, String expected, String output,
                         Map<String, String> tags, String reason, boolean judgeError, double ttftMs) {

    public CaseRecord {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A record of a case whose calls did not stream. */
    public CaseRecord(String caseId, Outcome outcome, double passFraction, double score, double latencyMs,
                      Long tokensIn, Long tokensOut, Double costUsd, String expected, String output,
                      Map<String, String> tags, double ttftMs) {
        this(caseId, outcome, passFraction, score, latencyMs, tokensIn, tokensOut, costUsd, expected, output, tags,
                null, false, ttftMs);
    }

    /** A record of a case whose calls did not stream, with the scorers' reasons. */
    public CaseRecord(String caseId, Outcome outcome, double passFraction, double score, double latencyMs,
                      Long tokensIn, Long tokensOut, Double costUsd, String expected, String output,
                      Map<String, String> tags, String reason, boolean judgeError) {
        this(caseId, outcome, passFraction, score, latencyMs, tokensIn, tokensOut, costUsd, expected, output, tags,
                reason, judgeError, Double.NaN);
    }

    /** A record without the scorers' reasons, of a case whose calls did not stream. */
    public CaseRecord(String caseId, Outcome outcome, double passFraction, double score, double latencyMs,
                      Long tokensIn, Long tokensOut, Double costUsd, String expected, String output,
                      Map<String, String> tags) {
        this(caseId, outcome, passFraction, score, latencyMs, tokensIn, tokensOut, costUsd, expected, output, tags,
                null, false, Double.NaN);
    }

    /** A record without tags, for callers that do not slice. */
    public CaseRecord(String caseId, Outcome outcome, double passFraction, double score, double latencyMs,
                      Long tokensIn, Long tokensOut, Double costUsd, String expected, String output) {
        this(caseId, outcome, passFraction, score, latencyMs, tokensIn, tokensOut, costUsd, expected, output,
                Map.of());
    }

    /** The record of a case result: repeats folded as the metrics fold them. */
    public static CaseRecord of(CaseResult r) {
        double latencySum = 0;
        int live = 0;
        double ttftSum = 0;
        int streamed = 0;
        long in = 0;
        long out = 0;
        boolean usage = true;
        double cost = 0;
        boolean costKnown = true;
        for (Sample s : r.samples()) {
            if (s.timed()) {
                latencySum += s.latencyMs();
                live++;
                if (s.stream() != null) {
                    ttftSum += s.ttftMs();
                    streamed++;
                }
            }
            if (s.usage() == null) {
                usage = false;
            } else {
                in += s.usage().input();
                out += s.usage().output();
            }
            if (s.costUsd() == null) {
                costKnown = false;
            } else {
                cost += s.costUsd();
            }
        }
        Sample first = r.first();
        String output = first.error() != null ? "ERROR " + first.error().kind() + ": " + first.error().message()
                : first.output();
        boolean judgeError = r.outcome() == Outcome.ERROR && first.error() == null && first.scores().stream()
                .anyMatch(x -> x.grading() != null && x.outcome() == Outcome.ERROR);
        return new CaseRecord(r.kase().id(), r.outcome(), r.passFraction(), r.score(),
                live == 0 ? Double.NaN : latencySum / live, usage ? in : null, usage ? out : null,
                costKnown ? cost : null, r.kase().expected().primary(), output, r.kase().tags(),
                r.samples().stream().filter(s -> s.outcome() != Outcome.PASS).findFirst().map(CaseRecord::reasons)
                        .orElse(null), judgeError, streamed == 0 ? Double.NaN : ttftSum / streamed);
    }

    /** Every scorer's reason for {@code s}, as {@code scorer: reason} joined by "; "; null when none gave one. */
    static String reasons(Sample s) {
        StringBuilder reasons = new StringBuilder();
        for (var score : s.scores()) {
            if (score.reason() != null && !score.reason().isBlank()) {
                reasons.append(reasons.isEmpty() ? "" : "; ").append(score.scorer()).append(": ")
                        .append(score.reason());
            }
        }
        return reasons.isEmpty() ? null : reasons.toString();
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    public boolean errored() {
        return outcome == Outcome.ERROR;
    }
}
