package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.calibration.JudgedChange;
import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.stats.CorrectedPassRate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The grading table of a run view: one row per target and judge scorer, with what the judge decided (raw judged
 * rate, judge errors, flip rate), what grading spent (calls, tokens, cost, latency, never the candidate's) and the
 * rate corrected for the judge's error with the calibration's kappa and J, or why it is not corrected.
 */
public final class GradingRows {

    private static final double CONFIDENCE = 0.95;

    private GradingRows() {
    }

    /**
     * The rows of a stored run: {@code metricsJson} is target → stored metrics JSON, {@code rates} target → judge
     * scorer → judged rate as stored; a run that kept no figures per judge scorer gives one pooled row per target.
     */
    public static ArrayNode json(Map<String, String> metricsJson, Map<String, Map<String, JudgedRate>> rates) {
        ArrayNode rows = ViewJson.MAPPER.createArrayNode();
        metricsJson.forEach((target, json) -> {
            JsonNode grading;
            try {
                grading = ViewJson.MAPPER.readTree(json).path("grading");
            } catch (IOException e) {
                return; // unreadable metrics have no grading row; the candidates table still shows the target
            }
            if (!grading.isObject()) {
                return;
            }
            Map<String, JudgedRate> byScorer = rates.getOrDefault(target, Map.of());
            JsonNode scorers = grading.path("scorers");
            if (scorers.isObject() && !scorers.isEmpty()) {
                scorers.fields().forEachRemaining(e -> rows.add(row(target, e.getKey(), e.getValue(),
                        byScorer.get(e.getKey()))));
            } else {
                rows.add(row(target, "judge", grading, byScorer.get("judge")));
            }
        });
        return rows;
    }

    /** The lines under a report's title: each judged target's rate per judge scorer, corrected or why not. */
    public static List<String> notes(Map<String, Map<String, JudgedRate>> rates) {
        List<String> lines = new ArrayList<>();
        rates.forEach((target, byScorer) -> byScorer.forEach((scorer, rate) ->
                lines.add(target + " " + JudgedRate.title(scorer) + " " + rate.describe())));
        return lines;
    }

    /**
     * The compare section's lines, one per target and judge scorer: the corrected change beside the raw one, or
     * the raw one and why it is not corrected.
     */
    public static ArrayNode changes(Map<String, Map<String, JudgedChange>> changes) {
        ArrayNode lines = ViewJson.MAPPER.createArrayNode();
        changes.forEach((target, byScorer) -> byScorer.forEach((scorer, change) ->
                lines.add(target + " " + JudgedRate.title(scorer) + ": " + change.describe())));
        return lines;
    }

    private static ObjectNode row(String target, String scorer, JsonNode g, JudgedRate rate) {
        ObjectNode row = ViewJson.object();
        row.put("target", target);
        row.put("scorer", scorer);
        row.put("judgments", g.path("judgments").asLong());
        long errors = g.path("judgeErrors").asLong();
        row.put("judgeErrors", errors);
        long multiVote = g.path("multiVoteJudgments").asLong();
        row.put("multiVote", multiVote);
        number(row, "flipRate", multiVote == 0 ? Double.NaN : (double) g.path("flipped").asLong() / multiVote);
        long calls = g.path("calls").asLong();
        row.put("calls", calls);
        row.put("cachedVotes", g.path("cachedVotes").asLong());
        row.put("inputTokens", g.path("tokens").path("input").asLong());
        row.put("outputTokens", g.path("tokens").path("output").asLong());
        JsonNode cost = g.path("cost").path("totalUsd");
        number(row, "costUsd", cost.isNumber() ? cost.asDouble() : Double.NaN);
        number(row, "latencyPerCallMs", calls == 0 ? Double.NaN : g.path("latencyMs").asDouble() / calls);
        row.put("judgedPasses", g.path("judgedPasses").asLong());
        row.put("verdicts", g.path("judgments").asLong() - errors);
        number(row, "raw", g.path("judgedPassRate").isNumber() ? g.path("judgedPassRate").asDouble() : Double.NaN);
        number(row, "rawLo", g.path("judgedPassInterval").path("lower").asDouble(Double.NaN));
        number(row, "rawHi", g.path("judgedPassInterval").path("upper").asDouble(Double.NaN));
        if (rate != null && rate.corrected() instanceof CorrectedPassRate.Estimated e) {
            number(row, "corrected", e.point());
            number(row, "correctedLo", e.interval().lower());
            number(row, "correctedHi", e.interval().upper());
        }
        if (rate != null && rate.calibration() != null) {
            number(row, "kappa", rate.calibration().kappa(CONFIDENCE).kappa());
            number(row, "youden", rate.calibration().youden());
            row.put("labels", rate.calibration().size());
        }
        row.put("correction", rate == null ? "no judged rate stored" : rate.describe());
        return row;
    }

    private static void number(ObjectNode row, String key, double value) {
        if (Double.isFinite(value)) {
            row.put(key, value);
        } else {
            row.putNull(key);
        }
    }
}
