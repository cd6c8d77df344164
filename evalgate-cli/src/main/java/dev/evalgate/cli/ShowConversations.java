package dev.evalgate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.error.ConfigException;
import dev.evalgate.report.TextTable;
import dev.evalgate.report.TranscriptText;
import dev.evalgate.score.Score;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredCaseResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** What {@code evalgate show} prints about conversations: their figures per target, and one case's exchange. */
final class ShowConversations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShowConversations() {
    }

    /** The conversation figures of each target whose stored metrics have them; nothing otherwise. */
    static void metrics(Map<String, String> metricsJson, PrintWriter out) {
        TextTable table = null;
        for (Map.Entry<String, String> e : metricsJson.entrySet()) {
            JsonNode c;
            try {
                c = JSON.readTree(e.getValue()).path("conversations");
            } catch (JsonProcessingException ex) {
                continue; // the summary above already said the metrics are unreadable
            }
            if (!c.isObject()) {
                continue;
            }
            if (table == null) {
                table = new TextTable("target", "tool precision", "tool recall", "max_steps hit", "steps mean/p95",
                        "latency/conv mean", "cost/conv");
            }
            table.row(e.getKey(), Figures.percent(num(c, "precision")), Figures.percent(num(c, "recall")),
                    c.path("hitMaxSteps").asLong() + "/" + c.path("conversations").asLong(),
                    String.format(Locale.ROOT, "%.2f / %.0f", num(c, "stepsMean"), num(c, "stepsP95")),
                    Figures.millis(num(c, "latencyMeanMs")),
                    Double.isNaN(num(c, "costMeanUsd")) ? "unknown" : Figures.usd(num(c, "costMeanUsd")));
        }
        if (table != null) {
            out.println();
            out.println("Conversations");
            table.print(out, "  ");
        }
    }

    /** Every stored sample of case {@code caseId}: outcome, scores and the whole exchange. */
    static void exchange(Store store, String runId, String caseId, PrintWriter out) {
        List<StoredCaseResult> rows;
        try (Stream<StoredCaseResult> all = store.caseResults(runId)) {
            rows = all.filter(r -> r.caseId().equals(caseId)).toList();
        }
        if (rows.isEmpty()) {
            throw new ConfigException("run " + runId + " has no case '" + caseId + "'. Case ids are listed in the "
                    + "results file and by 'evalgate show " + runId + "' among the failures.");
        }
        for (StoredCaseResult r : rows) {
            var s = r.sample();
            out.println();
            out.println("Case " + caseId + " of " + r.target() + " (repeat " + s.repeat() + "): " + s.outcome()
                    + (Double.isFinite(s.latencyMs()) ? ", " + Figures.millis(s.latencyMs()) : "")
                    + (s.costUsd() == null ? "" : ", " + Figures.usd(s.costUsd())));
            if (s.exchange() != null) {
                TranscriptText.lines(s.exchange()).forEach(line -> out.println("  " + line));
            } else {
                out.println("  input: " + r.input());
                out.println("  output: " + s.output());
            }
            if (s.error() != null) {
                out.println("  error " + s.error().kind() + ": " + s.error().message());
            }
            for (Score score : s.scores()) {
                out.println("  " + score.scorer() + " " + score.outcome() + ": " + score.reason());
            }
        }
    }

    private static double num(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).asDouble() : Double.NaN;
    }
}
