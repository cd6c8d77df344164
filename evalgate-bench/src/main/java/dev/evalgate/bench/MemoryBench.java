package dev.evalgate.bench;

import dev.evalgate.run.CancelToken;
import dev.evalgate.suite.Suite;

/**
 * Peak heap of a million-case in-process run: the runner streams cases and keeps only metric accumulators, so the
 * run must finish under {@code -Xmx512m} however many cases it has.
 *
 * <p>The core assertion is that the run completes without {@link OutOfMemoryError}; the peaks say by how much.
 */
final class MemoryBench {

    static final long LIMIT_BYTES = 512L * 1024 * 1024;

    private MemoryBench() {
    }

    static boolean run(BenchArgs args) throws InterruptedException {
        long cases = args.get("cases", 1_000_000);
        int concurrency = args.integer("concurrency", 64);
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("%n== memory: %s in-process cases, concurrency %d, max heap %s%n", Figures.count(cases),
                concurrency, Figures.mib(maxHeap));
        if (maxHeap > LIMIT_BYTES) {
            System.out.println("note: max heap is above 512 MiB; run with -Xmx512m (bench.sh does) for the real check");
        }
        Suite suite = BenchSuite.of("bench-memory", "inproc", BenchSuite.instantTarget(),
                BenchSuite.inProcessPolicy(concurrency));
        System.gc(); // start from the live set, not from what an earlier benchmark left behind
        BenchSuite.Measured m;
        HeapSampler.Peaks peaks;
        try (HeapSampler sampler = HeapSampler.start()) {
            try {
                m = BenchSuite.run(suite, new SyntheticDataset(cases), new CancelToken());
            } catch (OutOfMemoryError | IllegalStateException e) {
                if (!(e instanceof OutOfMemoryError) && !(e.getCause() instanceof OutOfMemoryError)) {
                    throw e;
                }
                System.out.println("memory: FAILED, OutOfMemoryError under max heap " + Figures.mib(maxHeap) + ": " + e);
                return false;
            }
            peaks = sampler.peaks();
        }
        boolean completed = m.complete() && m.metrics().cases() == cases;
        boolean under = maxHeap <= LIMIT_BYTES && peaks.used() < LIMIT_BYTES;
        System.out.printf("run: %s cases in %.2f s = %s cases/s (passed %s)%n", Figures.count(m.metrics().cases()),
                m.seconds(), Figures.count(m.casesPerSecond()), Figures.count(m.metrics().passed()));
        System.out.println(m.cpu());
        System.out.printf("heap: peak used %s, peak after GC %s, %d collections%n", Figures.mib(peaks.used()),
                Figures.mib(peaks.afterGc()), peaks.collections());
        System.out.printf("memory: completed %s cases under max heap %s without OutOfMemoryError: %s; "
                        + "goal peak < 512 MiB: %s%n", Figures.count(cases), Figures.mib(maxHeap),
                completed ? "yes" : "NO", Figures.verdict(completed && under));
        suite.close();
        return completed && under;
    }
}
