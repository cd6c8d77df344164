package dev.evalgate.cli;

import dev.evalgate.report.TextTable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.error.EvalgateException;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.Proportion;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.RunSummary;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code evalgate show}: one stored run's summary table, from the metrics stored when it finished, and the first
 * failures of each target.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print a stored run's summary.")
final class ShowCommand implements Callable<Integer> {

    static final int FAILURES_SHOWN = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Parameters(index = "0", paramLabel = "RUN", description = "A run id, or 'last' for the newest run")
    String run;

    @picocli.CommandLine.Option(names = "--case", paramLabel = "ID",
            description = "Print this case's whole exchange for every target: each turn, each model call, each "
                    + "tool call with its arguments and scripted result")
    String caseId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = storeOption.openExisting()) {
            StoredRun stored = RunRecords.find(store, run);
            RunRecord record = RunRecords.load(store, stored.runId());
            RunSummary s = stored.summary();
            out.printf(Locale.ROOT, "Run %s: suite %s, %s, started %s, git %s%n", s.runId(), s.suite(),
                    RunsCommand.status(store, s.runId(), s.status()), RunsCommand.LOCAL_TIME.format(s.started()),
                    RunsCommand.git(s.git()));
            out.println("  cases: " + stored.info().selection() + ", repeat " + stored.info().repeat() + ", seed "
                    + stored.info().seed());
            store.shards(s.runId()).filter(p -> p.count() > 1).ifPresent(p -> out.println("  "
                    + p.describe() + (p.done() ? "" : "; missing " + p.describeMissing())));
            out.println();
            TextTable table = new TextTable("target", "pass rate", "95% CI", "p50", "p95", "cost/request", "errors");
            for (TargetRecord target : record.targets()) {
                String metrics = stored.metricsJson().get(target.target());
                table.row(metrics == null ? rebuilt(target) : stored(target.target(), metrics));
            }
            table.print(out, "  ");
            if (stored.metricsJson().isEmpty()) {
                out.println("  (no metrics stored: the run is " + s.status().name().toLowerCase(Locale.ROOT)
                        + "; pass rates are rebuilt from its stored cases, latency is not)");
            }
            stored.metricsJson().forEach((target, json) -> grading(target, json, out));
            dev.evalgate.store.StoredJudgedRates.byScorer(stored).forEach((target, rates) ->
                    rates.forEach((scorer, judged) -> out.println("  " + target + " "
                            + dev.evalgate.calibration.JudgedRate.title(scorer) + " " + judged.describe())));
            ShowConversations.metrics(stored.metricsJson(), out);
            if (caseId != null) {
                ShowConversations.exchange(store, s.runId(), caseId, out);
            } else {
                for (TargetRecord target : record.targets()) {
                    failures(target, out);
                }
            }
        }
        return ExitCode.OK;
    }

    private static String[] stored(String target, String metricsJson) {
        JsonNode m;
        try {
            m = JSON.readTree(metricsJson);
        } catch (JsonProcessingException e) {
            throw new EvalgateException("the stored metrics of target " + target + " are not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        JsonNode ci = m.path("passRateInterval");
        Interval interval = ci.path("lower").isNumber()
                ? new Interval(ci.path("lower").asDouble(), ci.path("upper").asDouble()) : Interval.empty();
        return new String[] {target,
                Figures.percent(number(m.path("passRate"))) + " (" + m.path("passed").asLong() + "/"
                        + m.path("cases").asLong() + ")",
                Figures.percentInterval(interval), Figures.millis(number(m.path("latency").path("p50"))),
                Figures.millis(number(m.path("latency").path("p95"))),
                m.path("cost").path("perRequestUsd").isNumber()
                        ? Figures.usd(m.path("cost").path("perRequestUsd").asDouble()) : "unknown",
                Long.toString(m.path("errored").asLong())};
    }

    /** The row of a run that stored no metrics (still running, or crashed): what the stored cases tell. */
    private static String[] rebuilt(TargetRecord target) {
        long n = target.cases().size();
        long passed = target.cases().stream().filter(CaseRecord::passed).count();
        long errors = target.cases().stream().filter(CaseRecord::errored).count();
        return new String[] {target.target(),
                Figures.percent(n == 0 ? Double.NaN : (double) passed / n) + " (" + passed + "/" + n + ")",
                Figures.percentInterval(n == 0 ? Interval.empty() : Proportion.wilson(passed, n, 0.95)), "-", "-",
                "-", Long.toString(errors)};
    }

    /** The target's grading line, from its stored metrics, when a model judge graded it. */
    private static void grading(String target, String metricsJson, PrintWriter out) {
        JsonNode g;
        try {
            g = JSON.readTree(metricsJson).path("grading");
        } catch (JsonProcessingException e) {
            return; // the table above already said the metrics are unreadable
        }
        if (!g.isObject()) {
            return;
        }
        gradingLine(target, g, out);
        if (g.path("scorers").size() > 1) {
            // several judges: each one's own figures, since a pooled rate mixes judges with different errors
            g.path("scorers").fields().forEachRemaining(e -> gradingLine(target + " by " + e.getKey(), e.getValue(),
                    out));
        }
    }

    private static void gradingLine(String target, JsonNode g, PrintWriter out) {
        long verdicts = g.path("judgments").asLong() - g.path("judgeErrors").asLong();
        JsonNode cost = g.path("cost").path("totalUsd");
        out.println("  grading of " + target + " (model judge, not in its cost): judged pass rate "
                + Figures.percent(number(g.path("judgedPassRate"))) + " (" + g.path("judgedPasses").asLong() + "/"
                + verdicts + ", uncorrected), judge errors " + g.path("judgeErrors").asLong() + ", flip rate "
                + (g.path("multiVoteJudgments").asLong() == 0 ? "-" : Figures.percent(
                (double) g.path("flipped").asLong() / g.path("multiVoteJudgments").asLong()))
                + ", judge calls " + g.path("calls").asLong() + ", grading cost "
                + (cost.isNumber() ? Figures.usd(cost.asDouble()) : "unknown"));
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static void failures(TargetRecord target, PrintWriter out) {
        List<CaseRecord> failed = target.cases().stream().filter(c -> !c.passed()).toList();
        if (failed.isEmpty()) {
            return;
        }
        long errored = failed.stream().filter(CaseRecord::errored).count();
        long judgeErrors = failed.stream().filter(CaseRecord::judgeError).count();
        out.println();
        out.println("First failures of " + target.target() + " (" + (failed.size() - errored) + " failed, " + errored
                + " errored" + (judgeErrors == 0 ? "" : ", " + judgeErrors + " of them judge errors") + "):");
        for (CaseRecord c : failed.subList(0, Math.min(FAILURES_SHOWN, failed.size()))) {
            out.println("  " + c.caseId() + (c.judgeError() ? "  judge error," : "") + "  expected "
                    + Figures.quoted(c.expected(), 60) + " but got " + Figures.quoted(c.output(), 60));
            if (c.reason() != null) {
                out.println("      reason: " + Figures.quoted(c.reason(), 200));
            }
        }
    }
}
