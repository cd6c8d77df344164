package dev.evalgate.metric;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.Sample;
import dev.evalgate.stats.Quantiles;
import dev.evalgate.tools.CallExpectations;
import dev.evalgate.tools.CallMatch;
import dev.evalgate.tools.CaseScript;
import dev.evalgate.tools.Exchange;
import dev.evalgate.tools.ModelCall;

import java.util.Arrays;

/** Folds the conversations of one target into its {@link ConversationMetrics}; not thread-safe on its own. */
final class ConversationTally {

    private long conversations;
    private long toolCalls;
    private long made;
    private long matched;
    private long required;
    private long filled;
    private long hitMax;
    private final DoubleList steps = new DoubleList();
    private final DoubleList latencies = new DoubleList();
    private final DoubleList callLatencies = new DoubleList();
    private double cost;
    private long costed;
    private double callCost;
    private long callsCosted;

    void add(CaseResult result) {
        CallExpectations expectations = null;
        for (Sample s : result.samples()) {
            Exchange x = s.exchange();
            if (x == null) {
                continue;
            }
            if (expectations == null) {
                expectations = CaseScript.of(result.kase()).expectations();
            }
            conversations++;
            toolCalls += x.toolCalls().size();
            if (expectations != null && s.error() == null) {
                CallMatch m = CallMatch.of(expectations, x.toolCalls());
                made += m.calls();
                matched += m.matched();
                required += m.required();
                filled += m.filled();
            }
            hitMax += x.hitMaxSteps() ? 1 : 0;
            steps.add(x.steps());
            if (s.timed()) {
                latencies.add(s.latencyMs());
            }
            if (s.costUsd() != null) {
                cost += s.costUsd();
                costed++;
            }
            for (ModelCall c : x.calls()) {
                if (!c.cached() && Double.isFinite(c.latencyMs())) {
                    callLatencies.add(c.latencyMs());
                }
                if (c.costUsd() != null) {
                    callCost += c.costUsd();
                    callsCosted++;
                }
            }
        }
    }

    /** The metrics, or null when no sample ran as a conversation. */
    ConversationMetrics finish() {
        if (conversations == 0) {
            return null;
        }
        return new ConversationMetrics(conversations, toolCalls, made == 0 ? Double.NaN : (double) matched / made,
                required == 0 ? Double.NaN : (double) filled / required, hitMax, (double) hitMax / conversations,
                steps.mean(), steps.p95(), latencies.mean(), latencies.p95(), callLatencies.mean(),
                callLatencies.p95(), costed == 0 ? Double.NaN : cost / costed,
                callsCosted == 0 ? Double.NaN : callCost / callsCosted);
    }

    /** A growable array of doubles. */
    private static final class DoubleList {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double mean() {
            return size == 0 ? Double.NaN : Arrays.stream(values, 0, size).sum() / size;
        }

        double p95() {
            if (size == 0) {
                return Double.NaN;
            }
            double[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return Quantiles.nearestRank(sorted, 0.95);
        }
    }
}
