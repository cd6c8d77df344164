package dev.evalgate.junit;

import dev.evalgate.compare.BaselineFile;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.SuiteGate;
import dev.evalgate.gate.Verdict;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Assertions on an {@link EvalResult} that decide exactly as the suite gate of {@code evalgate check} does.
 *
 * <p>Each assertion is one gate limit applied to every target of the result (or the one chosen with
 * {@link Assert#target}). Limits are decided on the measure's interval, not its point value, so a pass rate of
 * 0.90 over 20 cases does not prove "at least 0.85". A test must be decided: an INCONCLUSIVE verdict fails the
 * assertion like a FAIL, with the gate's line saying why, so run more cases or loosen the limit.
 * A failure throws {@link AssertionFailedError} whose message holds the gate's verdict lines.
 */
public final class EvalAssertions {

    /** The bootstrap seed {@code evalgate check} uses by default, so baseline verdicts are the CLI's. */
    static final long SEED = 1;

    private EvalAssertions() {
    }

    public static Assert assertThat(EvalResult result) {
        return new Assert(result, List.of());
    }

    /** The limits to check on one result; each method checks at once and returns this for chaining. */
    public static final class Assert {

        private final EvalResult result;
        private final List<String> targets;

        private Assert(EvalResult result, List<String> targets) {
            this.result = result;
            this.targets = targets;
        }

        /** Narrows the following assertions to one target; by default they apply to every target. */
        public Assert target(String id) {
            result.metrics(id); // names the known targets when id is not one of them
            return new Assert(result, List.of(id));
        }

        /** The pass rate is at least {@code minimum} (0 to 1), on its Wilson interval. */
        public Assert passRateAtLeast(double minimum) {
            return budget(GateConfig.Measure.PASS_RATE, minimum);
        }

        /** The p95 latency is at most {@code maximum}, on its order-statistic interval (needs 72+ live calls). */
        public Assert p95Below(Duration maximum) {
            return budget(GateConfig.Measure.P95_LATENCY_MS, maximum.toNanos() / 1e6);
        }

        /** The cost per request is at most {@code maximumUsd}; a target without prices is INCONCLUSIVE. */
        public Assert costPerRequestBelow(double maximumUsd) {
            return budget(GateConfig.Measure.COST_PER_REQUEST_USD, maximumUsd);
        }

        /**
         * The pass rate is not significantly worse than the baseline file's by more than {@code margin} (absolute:
         * 0.05 is 5 points), on the paired comparison the gate uses; write the baseline with {@code evalgate
         * baseline} or {@link BaselineFile#write} from {@link EvalResult#record()}.
         */
        public Assert noSignificantRegressionAgainst(Path baselineFile, double margin) {
            RunRecord baseline = BaselineFile.read(baselineFile);
            GateConfig gate = new GateConfig(List.of(),
                    List.of(new GateConfig.MarginSpec(GateConfig.Measure.PASS_RATE, margin)), true, targets);
            return decide(gate, baseline);
        }

        private Assert budget(GateConfig.Measure measure, double limit) {
            GateConfig gate = new GateConfig(List.of(new GateConfig.Budget(measure, limit)), List.of(), true, targets);
            return decide(gate, null);
        }

        private Assert decide(GateConfig gate, RunRecord baseline) {
            GateReport report = new SuiteGate(gate).evaluate(SuiteGate.Evidence.of(result.record(), baseline, SEED));
            if (report.failsBuild()) {
                throw new AssertionFailedError(message(report));
            }
            return this;
        }

        private static String message(GateReport report) {
            String verdicts = report.checks().stream()
                    .filter(c -> c.verdict() == Verdict.FAIL || c.verdict() == Verdict.INCONCLUSIVE)
                    .map(c -> c.verdict() + ": " + c.message()).collect(Collectors.joining("\n"));
            String notes = report.notes().isEmpty() ? ""
                    : report.notes().stream().collect(Collectors.joining("\n  ", "\nnotes:\n  ", ""));
            return "evalgate gate " + report.verdict() + "\n" + verdicts + notes;
        }
    }
}
