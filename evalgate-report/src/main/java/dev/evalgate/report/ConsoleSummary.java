package dev.evalgate.report;

import dev.evalgate.gate.ShipDecision;
import dev.evalgate.metric.Classification;
import dev.evalgate.metric.CostStats;
import dev.evalgate.metric.LatencyStats;
import dev.evalgate.metric.SliceMetrics;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.stats.Interval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run summary as text for a terminal or a CI log: one row per target, then slices, then the first failures.
 */
public final class ConsoleSummary {

    /** Failures printed per target; the results file has all of them. */
    public static final int FAILURES_SHOWN = 5;

    private final RunResult result;
    private final ShipDecision decision;

    public ConsoleSummary(RunResult result) {
        this(result, null);
    }

    /** A summary that also prints which candidate to ship; {@code decision} may be null for none. */
    public ConsoleSummary(RunResult result, ShipDecision decision) {
        this.result = result;
        this.decision = decision;
    }

    public void print(PrintWriter out) {
        var info = result.info();
        long cases = result.metrics().isEmpty() ? 0 : result.metrics().getFirst().cases();
        out.printf(Locale.ROOT, "Suite %s: %d cases (%s) x %d target%s in %s%s%n", info.suite(), cases,
                info.selection(), result.metrics().size(), result.metrics().size() == 1 ? "" : "s",
                Format.duration(result.elapsed()), result.complete() ? "" : "  [INCOMPLETE: stopped before the end]");
        out.println();
        printTable(out);
        GradingLines.print(result.metrics(), out);
        printDecision(out);
        ConversationLines.print(result.metrics(), out);
        printClassification(out);
        printSlices(out);
        printFailures(out);
        out.flush();
    }

    private void printTable(PrintWriter out) {
        TextTable table = new TextTable("target", "pass rate", "95% CI", "p50", "p95", "p95 95% CI", "cost/request",
                "errors");
        for (TargetMetrics m : result.metrics()) {
            LatencyStats l = m.latency();
            table.row(m.targetId(), Format.percent(m.passRate()) + " (" + m.passed() + "/" + m.cases() + ")",
                    Format.interval(m.passRateInterval()), Format.millis(l.p50()), Format.millis(l.p95()),
                    l.n() == 0 ? "-" : l.p95Interval() == null ? "n<72" : Format.millisInterval(l.p95Interval()),
                    cost(m.cost()) + (local(m.targetId()) ? " (local)" : ""), m.errored() == 0 ? "0" : m.errored() + " (" + Format.percent(m.errorRate()) + ")");
        }
        table.print(out);
        printStreaming(out);
        List<String> notes = new ArrayList<>();
        for (TargetMetrics m : result.metrics()) {
            if (m.cost().totalUsd() == null) {
                notes.add(m.targetId() + ": cost unknown for " + m.cost().callsWithUnknownCost() + " calls ("
                        + (priced(m.targetId()) ? "the target reported no token usage"
                        : "no price for this model; set input_per_mtok/output_per_mtok or per_request") + ")");
            }
            if (m.cachedCalls() > 0) {
                notes.add(m.targetId() + ": " + m.cachedCalls() + " of " + m.calls() + " calls answered from the"
                        + " response cache, so their latency is not measured (run with --no-cache to call live)");
            }
            if (!"wilson".equals(m.passRateMethod())) {
                notes.add(m.targetId() + ": pass rate interval by t over per-case pass fractions (repeat > 1)");
            }
        }
        result.metrics().stream().filter(m -> m.latency().p95Interval() == null && m.latency().n() > 0).findFirst()
                .ifPresent(m -> notes.add("n<72: too few calls for a distribution-free 95% interval on p95"));
        if (result.harness() != null) {
            notes.add(result.harness().describe() + ", part of the latencies above");
        }
        notes.forEach(n -> out.println("  note: " + n));
        out.println();
    }

    /** Time to first token and output speed of the targets that streamed; nothing when none did. */
    private void printStreaming(PrintWriter out) {
        if (result.metrics().stream().allMatch(m -> m.streaming() == null)) {
            return;
        }
        TextTable table = new TextTable("streamed", "ttft p50", "ttft p95", "ttft p95 95% CI", "tokens/s p50");
        for (TargetMetrics m : result.metrics()) {
            if (m.streaming() == null) {
                continue;
            }
            LatencyStats t = m.streaming().ttft();
            double speed = m.streaming().outputTokensPerSecondP50();
            table.row(m.targetId(), Format.millis(t.p50()), Format.millis(t.p95()),
                    t.p95Interval() == null ? "n<72" : Format.millisInterval(t.p95Interval()),
                    Double.isFinite(speed) ? String.format(Locale.ROOT, "%.1f", speed) : "-");
        }
        table.print(out);
    }

    private void printDecision(PrintWriter out) {
        if (decision == null || decision.candidates().isEmpty()) {
            return;
        }
        out.println("Ship decision (" + ShipDecisionText.AXES + ")");
        TextTable table = new TextTable("target", "trade-off", "budgets");
        for (ShipDecision.Candidate c : decision.candidates()) {
            table.row(c.targetId(), ShipDecisionText.standing(c), ShipDecisionText.budgets(decision, c));
        }
        table.print(out);
        decision.notes().forEach(n -> out.println("  note: " + n));
        out.println("  " + ShipDecisionText.verdict(decision));
        out.println();
    }

    private void printClassification(PrintWriter out) {
        TextTable table = null;
        for (TargetMetrics m : result.metrics()) {
            Classification c = m.classification();
            if (c == null) {
                continue;
            }
            if (table == null) {
                table = new TextTable("target", "accuracy", "macro-F1", "weakest labels (F1)");
            }
            var weakest = c.labels().stream().sorted((a, b) -> Double.compare(a.f1(), b.f1())).limit(3)
                    .map(lm -> lm.label() + " " + Format.ratio(lm.f1())).toList();
            table.row(m.targetId(), Format.percent(c.accuracy()), Format.ratio(c.macroF1()), String.join(", ", weakest));
        }
        if (table != null) {
            out.println("Classification");
            table.print(out);
            out.println();
        }
    }

    private void printSlices(PrintWriter out) {
        if (result.metrics().isEmpty() || result.metrics().getFirst().slices().isEmpty()) {
            return;
        }
        for (String key : result.metrics().getFirst().slices().keySet()) {
            List<String> header = new ArrayList<>(List.of(key));
            result.metrics().forEach(m -> header.add(m.targetId()));
            TextTable table = new TextTable(header.toArray(String[]::new));
            List<SliceMetrics> first = result.metrics().getFirst().slices().get(key);
            for (SliceMetrics s : first) {
                List<String> row = new ArrayList<>(List.of(s.value() + " (n=" + s.n() + ")"));
                for (TargetMetrics m : result.metrics()) {
                    row.add(m.slices().getOrDefault(key, List.of()).stream().filter(x -> x.value().equals(s.value()))
                            .findFirst().map(x -> Format.percent(x.passRate()) + " " + Format.interval(x.passRateInterval()))
                            .orElse("-"));
                }
                table.row(row.toArray(String[]::new));
            }
            out.println("Pass rate by " + key);
            table.print(out);
            out.println();
        }
    }

    private void printFailures(PrintWriter out) {
        for (TargetMetrics m : result.metrics()) {
            List<CaseResult> failures = result.failures().getOrDefault(m.targetId(), List.of());
            if (failures.isEmpty()) {
                continue;
            }
            out.printf(Locale.ROOT, "First failures of %s (%d failed, %d errored):%n", m.targetId(), m.failed(),
                    m.errored());
            for (CaseResult r : failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))) {
                out.println("  " + r.kase().id() + "  " + why(r));
                out.println("      input: " + Format.clip(r.kase().input(), 100));
                if (r.first().output() != null && r.first().scores().stream().anyMatch(x -> x.grading() != null)) {
                    // a judge's reason reads against the answer it judged
                    out.println("      output: " + Format.clip(r.first().output(), 100));
                }
            }
            out.println();
        }
    }

    /** The reason a case did not pass, in the user's words. */
    static String why(CaseResult r) {
        Sample s = r.first();
        if (s.error() != null) {
            return "ERROR " + s.error().kind() + ": " + Format.line(s.error().message(), 160);
        }
        for (Score score : s.scores()) {
            if (score.outcome() != Outcome.PASS) {
                return score.scorer() + ": " + Format.line(score.reason(), 160);
            }
        }
        return "failed " + Math.round((1 - r.passFraction()) * r.samples().size()) + " of " + r.samples().size()
                + " repeats";
    }

    private boolean local(String targetId) {
        return result.info().targets().stream().anyMatch(t -> t.id().equals(targetId) && "local".equals(t.price()));
    }

    private boolean priced(String targetId) {
        return result.info().targets().stream()
                .anyMatch(t -> t.id().equals(targetId) && !"unknown".equals(t.price()));
    }

    private static String cost(CostStats cost) {
        if (cost.perRequestUsd() == null) {
            return cost.totalUsd() == null ? "unknown" : "-";
        }
        return Format.usd(cost.perRequestUsd());
    }
}
