package dev.evalgate.compare;

import dev.evalgate.stats.BootstrapInterval;
import dev.evalgate.stats.McNemar;
import dev.evalgate.stats.Newcombe;
import dev.evalgate.stats.PairedBootstrap;
import dev.evalgate.stats.Quantiles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares a head run with a baseline run: pairs cases by id per target and computes the paired statistics,
 * plus report-only per-slice differences for the head run's slice keys.
 */
public final class Comparer {

    /** Resamples for decisions (eval-statistics §0). */
    public static final int RESAMPLES = 10_000;
    public static final double CONFIDENCE = 0.95;

    private final int resamples;
    private final long seed;

    public Comparer(int resamples, long seed) {
        this.resamples = resamples;
        this.seed = seed;
    }

    public Comparison compare(RunRecord base, RunRecord head) {
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<TargetComparison> targets = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        head.targetSpecs().forEach(t -> ids.add(t.id()));
        base.targetSpecs().forEach(t -> ids.add(t.id()));
        for (String id : ids) {
            var b = base.target(id);
            var h = head.target(id);
            if (b.isEmpty() || h.isEmpty()) {
                missing.add(id);
                continue;
            }
            if (!Objects.equals(spec(base, id), spec(head, id))) {
                changed.add(id);
            }
            targets.add(compare(b.get(), h.get(), head.slices()));
        }
        return new Comparison(base.runId(), head.runId(), Objects.equals(base.datasetSha256(), head.datasetSha256()),
                base.scorers().equals(head.scorers()), changed, missing, targets, resamples, seed);
    }

    private static String spec(RunRecord run, String id) {
        return run.targetSpecs().stream().filter(t -> t.id().equals(id)).map(RunRecord.TargetSpec::spec)
                .findFirst().orElse(null);
    }

    TargetComparison compare(TargetRecord base, TargetRecord head, List<String> sliceKeys) {
        List<CaseRecord[]> pairs = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        int i = 0;
        int j = 0;
        List<CaseRecord> bs = base.cases();
        List<CaseRecord> hs = head.cases();
        while (i < bs.size() || j < hs.size()) {
            int order = i == bs.size() ? 1 : j == hs.size() ? -1 : bs.get(i).caseId().compareTo(hs.get(j).caseId());
            if (order == 0) {
                pairs.add(new CaseRecord[] {bs.get(i++), hs.get(j++)});
            } else if (order < 0) {
                removed.add(bs.get(i++).caseId());
            } else {
                added.add(hs.get(j++).caseId());
            }
        }
        long a = 0;
        long b = 0;
        long c = 0;
        long d = 0;
        long baseErrors = 0;
        long headErrors = 0;
        List<Flip> regressed = new ArrayList<>();
        List<Flip> fixed = new ArrayList<>();
        for (CaseRecord[] p : pairs) {
            boolean basePass = p[0].passed();
            boolean headPass = p[1].passed();
            if (basePass && headPass) {
                a++;
            } else if (basePass) {
                b++;
                regressed.add(new Flip(p[0].caseId(), p[1].expected(), p[0].output(), p[1].output()));
            } else if (headPass) {
                c++;
                fixed.add(new Flip(p[0].caseId(), p[1].expected(), p[0].output(), p[1].output()));
            } else {
                d++;
            }
            baseErrors += p[0].errored() ? 1 : 0;
            headErrors += p[1].errored() ? 1 : 0;
        }
        int n = pairs.size();
        return new TargetComparison(head.target(), n, a, b, c, d, rate(a + b, n), rate(a + c, n),
                Newcombe.pairedInterval(a, b, c, d, CONFIDENCE), McNemar.test(b, c),
                p95(pairs, 0), p95(pairs, 1), p95Ratio(pairs), costRatio(pairs), rate(baseErrors, n),
                rate(headErrors, n), regressed, fixed, added, removed, SliceComparer.compare(pairs, sliceKeys),
                ttft(pairs));
    }

    /** Time to first token compared on the cases that streamed in both runs, the way latency p95 is compared. */
    private TargetComparison.TtftComparison ttft(List<CaseRecord[]> pairs) {
        List<CaseRecord[]> live = pairs.stream()
                .filter(p -> Double.isFinite(p[0].ttftMs()) && Double.isFinite(p[1].ttftMs())).toList();
        if (live.isEmpty()) {
            return null;
        }
        double[] base = live.stream().mapToDouble(p -> p[0].ttftMs()).toArray();
        double[] head = live.stream().mapToDouble(p -> p[1].ttftMs()).toArray();
        BootstrapInterval ratio = live.size() < 2 ? null
                : PairedBootstrap.ratioOfQuantile(base, head, 0.95, resamples, seed, CONFIDENCE);
        return new TargetComparison.TtftComparison(Quantiles.nearestRank(sorted(base), 0.95),
                Quantiles.nearestRank(sorted(head), 0.95), ratio);
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    private static double rate(long count, int n) {
        return n == 0 ? Double.NaN : (double) count / n;
    }

    private static double p95(List<CaseRecord[]> pairs, int side) {
        double[] values = pairs.stream().mapToDouble(p -> p[side].latencyMs()).filter(Double::isFinite).sorted()
                .toArray();
        return values.length == 0 ? Double.NaN : Quantiles.nearestRank(values, 0.95);
    }

    private BootstrapInterval p95Ratio(List<CaseRecord[]> pairs) {
        List<CaseRecord[]> live = pairs.stream()
                .filter(p -> Double.isFinite(p[0].latencyMs()) && Double.isFinite(p[1].latencyMs())).toList();
        if (live.size() < 2) {
            return null;
        }
        double[] base = live.stream().mapToDouble(p -> p[0].latencyMs()).toArray();
        double[] head = live.stream().mapToDouble(p -> p[1].latencyMs()).toArray();
        return PairedBootstrap.ratioOfQuantile(base, head, 0.95, resamples, seed, CONFIDENCE);
    }

    private static Double costRatio(List<CaseRecord[]> pairs) {
        double base = 0;
        double head = 0;
        for (CaseRecord[] p : pairs) {
            if (p[0].costUsd() == null || p[1].costUsd() == null) {
                return null;
            }
            base += p[0].costUsd();
            head += p[1].costUsd();
        }
        if (base == 0) {
            // A free base makes any paid head an unbounded ratio: there is no finite figure to report.
            return head == 0 ? Double.valueOf(1.0) : null;
        }
        return head / base;
    }
}
