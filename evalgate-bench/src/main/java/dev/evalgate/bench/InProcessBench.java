package dev.evalgate.bench;

import dev.evalgate.run.CancelToken;
import dev.evalgate.suite.Suite;

/**
 * Throughput of the runner itself: an instant in-process target, exact-match scoring, results dropped.
 *
 * <p>Each round is a fresh {@link dev.evalgate.run.Runner} over a synthetic dataset; the figure is the median
 * round's cases per second, after one unmeasured warm-up round that lets the JIT compile the hot path.
 */
final class InProcessBench {

    static final double GOAL_CASES_PER_SECOND = 50_000;

    private InProcessBench() {
    }

    static boolean run(BenchArgs args) throws InterruptedException {
        long cases = args.get("cases", 1_000_000);
        int rounds = args.integer("rounds", 3);
        long warmup = args.get("warmup", 300_000);
        int concurrency = args.integer("concurrency", 64);
        System.out.printf("%n== inproc: %s cases x %d rounds, concurrency %d, equals scorer, no results file%n",
                Figures.count(cases), rounds, concurrency);
        Suite suite = BenchSuite.of("bench-inproc", "inproc", BenchSuite.instantTarget(),
                BenchSuite.inProcessPolicy(concurrency));
        if (warmup > 0) {
            BenchSuite.Measured warm = BenchSuite.run(suite, new SyntheticDataset(warmup), new CancelToken());
            System.out.printf("warm-up: %s cases in %.2f s = %s cases/s%n", Figures.count(warmup), warm.seconds(),
                    Figures.count(warm.casesPerSecond()));
        }
        double[] rates = new double[rounds];
        boolean correct = true;
        for (int r = 0; r < rounds; r++) {
            BenchSuite.Measured m = BenchSuite.run(suite, new SyntheticDataset(cases), new CancelToken());
            rates[r] = m.casesPerSecond();
            boolean exact = m.complete() && m.metrics().cases() == cases
                    && m.metrics().passed() == SyntheticDataset.expectedPasses(cases) && m.metrics().errored() == 0;
            correct &= exact;
            System.out.printf("round %d: %s cases in %.2f s = %s cases/s (passed %s, errored %d)%s%n", r + 1,
                    Figures.count(m.metrics().cases()), m.seconds(), Figures.count(rates[r]),
                    Figures.count(m.metrics().passed()), m.metrics().errored(),
                    exact ? "" : " -- WRONG COUNTS, expected " + Figures.count(SyntheticDataset.expectedPasses(cases))
                            + " passed");
            System.out.println("  " + m.cpu());
        }
        double median = Figures.median(rates);
        boolean met = correct && median >= GOAL_CASES_PER_SECOND;
        System.out.printf("inproc median: %s cases/s; goal >= %s: %s%n", Figures.count(median),
                Figures.count(GOAL_CASES_PER_SECOND), Figures.verdict(met));
        suite.close();
        return met;
    }
}
