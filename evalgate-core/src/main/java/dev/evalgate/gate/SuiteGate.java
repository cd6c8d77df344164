package dev.evalgate.gate;

import dev.evalgate.calibration.JudgedRate;

import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.Comparer;
import dev.evalgate.compare.Comparison;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetComparison;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.stats.BootstrapInterval;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.MeanInterval;
import dev.evalgate.stats.Newcombe;
import dev.evalgate.stats.McNemar;
import dev.evalgate.stats.OrderStatisticInterval;
import dev.evalgate.stats.Power;
import dev.evalgate.stats.Proportion;
import dev.evalgate.stats.Quantiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Applies a suite's gate to a run, and to its comparison with a baseline when there is one (eval-statistics §3.4).
 *
 * <p>Absolute budgets are decided on each measure's interval; margins on the paired comparison, with Holm across
 * the blocking margins. Every margin also gets its minimum detectable effect, so a small suite says it cannot see
 * a small change instead of pretending to.
 */
public final class SuiteGate implements Gate<SuiteGate.Evidence> {

    static final double CONFIDENCE = 0.95;

    private final GateConfig config;
    private final JudgedEvidence judged;

    public SuiteGate(GateConfig config) {
        this(config, JudgedEvidence.NONE);
    }

    /** A gate whose run was judged by one unnamed judge scorer: per target, its judged pass rate as stored. */
    public SuiteGate(GateConfig config, Map<String, JudgedRate> judged) {
        this(config, JudgedEvidence.ofPooled(judged));
    }

    /**
     * @param judged per target and judge scorer, the judged pass rate as the run stored it and the change of its
     *               verdicts from the baseline
     */
    public SuiteGate(GateConfig config, JudgedEvidence judged) {
        this.config = config;
        this.judged = judged;
    }

    /** The run to judge and, for margins, the baseline and their comparison (both null without a baseline). */
    public record Evidence(RunRecord head, RunRecord baseline, Comparison comparison) {

        public static Evidence of(RunRecord head, RunRecord baseline, long seed) {
            Comparison comparison = baseline == null ? null
                    : new Comparer(Comparer.RESAMPLES, seed).compare(baseline, head);
            return new Evidence(head, baseline, comparison);
        }
    }

    @Override
    public List<GateCheck> check(Evidence evidence) {
        return evaluate(evidence).checks();
    }

    /**
     * The checks, notes and verdict of the gate on {@code evidence}.
     *
     * @throws dev.evalgate.error.ConfigException when the gate would check nothing: no limits, a gated target
     *                                            missing from a run, margins without a baseline and no budget
     */
    public GateReport evaluate(Evidence evidence) {
        GateCoverage.require(config, evidence);
        List<GateCheck> checks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (TargetRecord target : gated(evidence.head())) {
            String scope = evidence.head().suite() + "/" + target.target();
            for (GateConfig.Budget budget : config.budgets()) {
                if (budget.measure() == GateConfig.Measure.JUDGED_PASS_RATE) {
                    checks.addAll(JudgedBudgets.check(scope, budget, judged.rates().get(target.target()), notes));
                } else {
                    checks.add(absolute(scope, budget, target.cases(), notes));
                }
            }
            long judgeErrors = target.cases().stream().filter(CaseRecord::judgeError).count();
            if (judgeErrors > 0) {
                // a judged check must never pass quietly on outputs nobody judged
                notes.add(String.format(Locale.ROOT, "%s: %d of %d cases are judge errors (the judge gave no"
                        + " verdict, %.1f%%); they count as not passed in the pass rate and as errors in the error"
                        + " rate", scope, judgeErrors, target.cases().size(),
                        100.0 * judgeErrors / target.cases().size()));
            }
        }
        if (!config.margins().isEmpty()) {
            if (evidence.comparison() == null) {
                notes.add("no baseline given, so the margins against a baseline were not checked;"
                        + " pass --baseline <run-id|file>");
            } else {
                checks.addAll(margins(evidence, notes));
            }
        }
        Verdict verdict = Verdict.worstOf(checks);
        boolean fails = verdict == Verdict.FAIL || (verdict == Verdict.INCONCLUSIVE && config.inconclusiveFails());
        GateReport report = new GateReport(checks, notes, verdict, fails);
        GateCoverage.requireChecks(report, evidence.head());
        return report;
    }

    private List<TargetRecord> gated(RunRecord run) {
        return run.targets().stream()
                .filter(t -> config.targets().isEmpty() || config.targets().contains(t.target())).toList();
    }

    private GateCheck absolute(String scope, GateConfig.Budget budget, List<CaseRecord> cases, List<String> notes) {
        GateConfig.Measure m = budget.measure();
        AbsoluteBudget limit = new AbsoluteBudget(scope, m.words(), m.bound(), budget.limit());
        int n = cases.size();
        return switch (m) {
            case PASS_RATE -> {
                long passed = cases.stream().filter(CaseRecord::passed).count();
                Interval interval = Proportion.wilson(passed, n, CONFIDENCE);
                GateCheck check = limit.check(n == 0 ? Double.NaN : (double) passed / n, interval);
                notes.add(resolution(scope, m, n, interval, check));
                yield check;
            }
            case ERROR_RATE -> {
                long errors = cases.stream().filter(CaseRecord::errored).count();
                yield limit.check(n == 0 ? Double.NaN : (double) errors / n, Proportion.wilson(errors, n, CONFIDENCE));
            }
            case P95_LATENCY_MS -> {
                double[] live = cases.stream().mapToDouble(CaseRecord::latencyMs).filter(Double::isFinite).sorted()
                        .toArray();
                if (live.length == 0) {
                    yield cannotJudge(scope, m, budget.limit(), "every call was answered from the cache, so there is"
                            + " no latency to judge; run with --no-cache to measure it");
                }
                OrderStatisticInterval ranks = OrderStatisticInterval.ranks(live.length, 0.95, 1 - CONFIDENCE);
                if (!ranks.hasUpper()) {
                    notes.add(scope + " p95 latency: " + live.length + " live calls give no upper bound for p95 (needs "
                            + OrderStatisticInterval.minimumN(0.95, 1 - CONFIDENCE) + ")");
                }
                yield limit.check(Quantiles.nearestRank(live, 0.95), ranks.apply(live));
            }
            case JUDGED_PASS_RATE -> throw new IllegalStateException("judged budgets are checked per judge scorer");
            case TTFT_P95_MS -> TtftBudget.check(limit, scope, cases, CONFIDENCE, notes);
            case COST_PER_REQUEST_USD -> {
                if (cases.stream().anyMatch(c -> c.costUsd() == null)) {
                    yield cannotJudge(scope, m, budget.limit(), "the cost of some calls is unknown (no price for"
                            + " the model); set input_per_mtok/output_per_mtok or per_request on the target");
                }
                double[] costs = cases.stream().mapToDouble(CaseRecord::costUsd).toArray();
                double mean = java.util.Arrays.stream(costs).average().orElse(Double.NaN);
                Interval interval = n >= 2 ? MeanInterval.t(costs, CONFIDENCE) : Interval.empty();
                if (n > 0 && (interval.isEmpty() || interval.width() == 0)) {
                    interval = new Interval(mean, mean); // one case, or identical costs: no spread to speak of
                }
                yield limit.check(mean, interval);
            }
        };
    }

    /**
     * What an absolute budget can resolve: the width of the interval it is decided on. Only a check left undecided
     * is told it cannot be decided, so the note never contradicts the check above it.
     */
    private static String resolution(String scope, GateConfig.Measure m, int n, Interval interval, GateCheck check) {
        if (interval.isEmpty()) {
            return scope + " " + m.words() + ": no cases, nothing can be decided";
        }
        String line = String.format(Locale.ROOT, "%s %s: with %d cases the 95%% interval is %.3f to %.3f", scope,
                m.words(), n, interval.lower(), interval.upper());
        if (check.verdict() != Verdict.INCONCLUSIVE) {
            return line;
        }
        return line + String.format(Locale.ROOT, ", which contains the budget %.3f, so it cannot be decided either"
                + " way; more cases narrow the interval (see evalgate plan)", check.limit());
    }

    private static GateCheck cannotJudge(String scope, GateConfig.Measure m, double limit, String why) {
        return new GateCheck(scope, m.words(), Double.NaN, Interval.empty(), m.bound(), limit, Verdict.INCONCLUSIVE,
                scope + " " + m.words() + " cannot be judged: " + why);
    }

    private List<GateCheck> margins(Evidence evidence, List<String> notes) {
        Comparison comparison = evidence.comparison();
        if (!comparison.sameDataset()) {
            notes.add("the dataset differs from the baseline's (hash changed): cases with the same id may not be the"
                    + " same case");
        }
        if (!comparison.sameScorers()) {
            notes.add("the scorers differ from the baseline's: outcomes were judged differently");
        }
        List<MarginEvidence> members = new ArrayList<>();
        List<GateCheck> undecided = new ArrayList<>();
        List<String> gatedIds = gated(evidence.head()).stream().map(TargetRecord::target).toList();
        gatedIds.stream().filter(id -> evidence.baseline().target(id).map(t -> t.cases().isEmpty()).orElse(true))
                .forEach(id -> notes.add(evidence.head().suite() + "/" + id + " has no results in baseline "
                        + evidence.baseline().runId() + ", so its margins were not checked"));
        for (TargetComparison t : comparison.targets()) {
            if (!gatedIds.contains(t.target())) {
                continue;
            }
            String scope = evidence.head().suite() + "/" + t.target();
            for (GateConfig.MarginSpec spec : config.margins()) {
                if (spec.measure() == GateConfig.Measure.JUDGED_PASS_RATE) {
                    JudgedMargins.evidence(scope, spec.margin(), judged.changes().get(t.target()), members,
                            undecided, notes);
                    continue;
                }
                MarginEvidence member = evidence(scope, spec, t, evidence, notes);
                if (member != null) {
                    members.add(member);
                }
            }
        }
        List<GateCheck> checks = new ArrayList<>(BlockingFamily.decide(members, BlockingFamily.DEFAULT_ALPHA_FAIL));
        checks.addAll(undecided);
        for (GateCheck check : checks) {
            if (check.verdict() != Verdict.INCONCLUSIVE && check.measure().equals("pass rate change")) {
                // a decided change was seen well enough: the warning that the suite is too small would contradict it
                String prefix = check.scope() + " pass rate: with ";
                notes.replaceAll(n -> n.startsWith(prefix) ? TOO_SMALL.matcher(n).replaceFirst("") : n);
            }
        }
        return checks;
    }

    private MarginEvidence evidence(String scope, GateConfig.MarginSpec spec, TargetComparison t, Evidence evidence,
                                    List<String> notes) {
        double margin = spec.margin();
        return switch (spec.measure()) {
            case PASS_RATE -> {
                Margin limit = new Margin(scope, "pass rate change", Bound.MINIMUM, 0, -margin);
                notes.add(mde(scope, "pass rate", t.paired(), t.regressedCount(), t.fixedCount(), t.basePassRate(),
                        margin));
                yield new MarginEvidence(limit, t.difference().difference(), t.difference().interval(),
                        t.mcnemar().midPOneSided());
            }
            case ERROR_RATE -> {
                long[] cells = errorCells(evidence, t.target());
                Newcombe change = Newcombe.pairedInterval(cells[0], cells[1], cells[2], cells[3], CONFIDENCE);
                // in the error table "passing" is erroring, so a rise in errors is c > b: test it that way round
                McNemar test = McNemar.test(cells[2], cells[1]);
                Margin limit = new Margin(scope, "error rate change", Bound.MAXIMUM, 0, margin);
                yield new MarginEvidence(limit, change.difference(), change.interval(), test.midPOneSided());
            }
            case P95_LATENCY_MS -> {
                if (t.p95Ratio() == null) {
                    notes.add(scope + " p95 latency ratio cannot be judged: fewer than 2 cases have live latency"
                            + " in both runs (cached calls carry no latency; run with --no-cache)");
                    yield null;
                }
                Margin limit = new Margin(scope, "p95 latency ratio", Bound.MAXIMUM, 1, 1 + margin);
                notes.add(String.format(Locale.ROOT, "%s p95 latency ratio: the paired bootstrap interval is %.3f to"
                        + " %.3f (B = %d, seed %d), against a limit of %.3f", scope, t.p95Ratio().interval().lower(),
                        t.p95Ratio().interval().upper(), t.p95Ratio().resamples(), t.p95Ratio().seed(), 1 + margin));
                yield MarginEvidence.intervalOnly(limit, t.p95Ratio().point(), t.p95Ratio().interval());
            }
            case TTFT_P95_MS -> {
                if (t.ttft() == null || t.ttft().p95Ratio() == null) {
                    notes.add(scope + " ttft p95 ratio cannot be judged: fewer than 2 cases streamed live in both"
                            + " runs (set stream: true on the target; cached calls have no first token)");
                    yield null;
                }
                BootstrapInterval ratio = t.ttft().p95Ratio();
                Margin limit = new Margin(scope, "ttft p95 ratio", Bound.MAXIMUM, 1, 1 + margin);
                notes.add(String.format(Locale.ROOT, "%s ttft p95 ratio: the paired bootstrap interval is %.3f to"
                        + " %.3f (B = %d, seed %d), against a limit of %.3f", scope, ratio.interval().lower(),
                        ratio.interval().upper(), ratio.resamples(), ratio.seed(), 1 + margin));
                yield MarginEvidence.intervalOnly(limit, ratio.point(), ratio.interval());
            }
            case COST_PER_REQUEST_USD -> {
                if (t.costRatio() == null) {
                    notes.add(scope + " cost ratio cannot be judged: a cost is unknown in one of the runs");
                    yield null;
                }
                // costs per request are near-deterministic for a fixed prompt; the ratio of totals is used as is
                Margin limit = new Margin(scope, "cost per request ratio", Bound.MAXIMUM, 1, 1 + margin);
                yield MarginEvidence.intervalOnly(limit, t.costRatio(), new Interval(t.costRatio(), t.costRatio()));
            }
            case JUDGED_PASS_RATE -> throw new IllegalStateException("judged margins are decided per judge scorer");
        };
    }

    /** The paired table of the error indicator: a both errored, b only the baseline, c only the head, d neither. */
    private static long[] errorCells(Evidence evidence, String target) {
        var base = evidence.baseline().target(target).orElseThrow().cases();
        var head = evidence.head().target(target).orElseThrow().cases();
        java.util.Map<String, Boolean> baseErrors = new java.util.HashMap<>();
        base.forEach(c -> baseErrors.put(c.caseId(), c.errored()));
        long[] cells = new long[4];
        for (CaseRecord h : head) {
            Boolean b = baseErrors.get(h.caseId());
            if (b == null) {
                continue;
            }
            cells[b ? (h.errored() ? 0 : 1) : (h.errored() ? 2 : 3)]++;
        }
        return cells;
    }

    private static final java.util.regex.Pattern TOO_SMALL = java.util.regex.Pattern.compile(
            ", larger than the margin [0-9.]+: the suite is too small for it \\(see evalgate plan\\)$");

    /** The smallest pass-rate change this comparison can detect (80% power, one-sided 0.025), and whether it sees the margin. */
    static String mde(String scope, String measure, int n, long b, long c, double baseRate, double margin) {
        if (n == 0) {
            return scope + " " + measure + ": no paired cases, nothing can be detected";
        }
        double mean = (double) (c - b) / n;
        double variance = (double) (b + c) / n - mean * mean;
        String assumed = "";
        if (b + c < 5) {
            // too few disagreements to estimate how the runs differ: assume they disagree like unrelated runs
            double p = Math.min(Math.max(baseRate, 0.01), 0.99);
            variance = 2 * p * (1 - p);
            assumed = "; these runs disagree on too few cases to estimate it, so unrelated runs are assumed";
        }
        double mde = Power.mde(n, variance, 0.025, Power.Sides.ONE_SIDED, 0.8);
        String line = String.format(Locale.ROOT, "%s %s: with %d paired cases the smallest change this comparison"
                + " can detect is %.3f (80%% power%s)", scope, measure, n, mde, assumed);
        return mde > margin ? line + String.format(Locale.ROOT, ", larger than the margin %.3f: the suite is too"
                + " small for it (see evalgate plan)", margin) : line;
    }
}
