package dev.evalgate.run;

import dev.evalgate.dataset.Case;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures the harness's own time per call once it is warm: calls one after another, so no call waits for
 * another, and the first few dropped, so what is left is the steady cost a measured call carries.
 */
final class OverheadProbe {

    private OverheadProbe() {
    }

    /** An HTTP target's rehearsal against a stand-in that answers at once: client, building, parsing, timing. */
    static HarnessOverhead loopback(CaseExecutor rehearsal, List<Case> cases, long deadline, CancelToken cancel)
            throws InterruptedException {
        List<Double> latencies = new ArrayList<>();
        while (more(latencies.size(), deadline, cancel)) {
            Sample sample = rehearsal.execute(cases.get(latencies.size() % cases.size())).samples().getFirst();
            if (sample.exchange() == null || sample.exchange().calls().isEmpty()) {
                latencies.add(sample.latencyMs());
            } else {
                // a conversation's latency is the sum of its model calls; the overhead is per call
                sample.exchange().calls().forEach(c -> latencies.add(c.latencyMs()));
            }
        }
        return summarise(latencies, HarnessOverhead.LOOPBACK);
    }

    /**
     * The runner's timing window around a target that returns at once, with {@code like}'s policy (a timeout
     * moves each call onto another thread): what an in-process target's latency carries that is not its own.
     */
    static HarnessOverhead inProcess(TargetConfig like, Case kase, long deadline, CancelToken cancel)
            throws InterruptedException {
        Reply reply = Reply.of("ok", 1, 1);
        List<Double> latencies = new ArrayList<>();
        try (ResilientCaller caller = new ResilientCaller(request -> reply,
                like.policy().withRetries(0, like.policy().backoffBase()))) {
            Request request = new Request(kase, null, 0);
            for (int i = 0; more(i, deadline, cancel); i++) {
                Attempted attempted = caller.call(request);
                latencies.add(attempted.latencyMs());
            }
        }
        return summarise(latencies, HarnessOverhead.IN_PROCESS);
    }

    /** Up to MEASURED_CALLS calls while time lasts, but never fewer than enough to say something. */
    private static boolean more(int done, long deadline, CancelToken cancel) {
        if (cancel.cancelled() || done >= HarnessWarmUp.MEASURED_CALLS) {
            return false;
        }
        return done < HarnessWarmUp.MEASURE_SKIPPED + HarnessWarmUp.MIN_MEASURED || System.nanoTime() < deadline;
    }

    static HarnessOverhead summarise(List<Double> latencies, String path) {
        if (latencies.size() <= HarnessWarmUp.MEASURE_SKIPPED) {
            return null;
        }
        double[] kept = latencies.subList(HarnessWarmUp.MEASURE_SKIPPED, latencies.size()).stream()
                .mapToDouble(Double::doubleValue).sorted().toArray();
        return new HarnessOverhead(nearestRank(kept, 0.50), nearestRank(kept, 0.95), kept.length, path);
    }

    private static double nearestRank(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
