package dev.evalgate.junit;

import dev.evalgate.compare.BaselineFile;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.error.ConfigException;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.SuiteGate;
import dev.evalgate.report.GateJson;
import dev.evalgate.report.GateLines;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Assertions on an {@link EvalResult} that decide exactly as the suite gate of {@code evalgate check} does.
 *
 * <p>{@link Assert#passesGate(Path)} applies the suite's own {@code gate:} (every budget and every margin) against
 * a baseline file, like {@code evalgate check --baseline FILE}. The single-limit assertions apply one limit to
 * every target of the result (or the one chosen with {@link Assert#target}); they are decided on the measure's
 * interval, not its point value, so a pass rate of 0.90 over 20 cases does not prove "at least 0.85", and an
 * INCONCLUSIVE verdict fails them like a FAIL. A failure throws {@link AssertionFailedError} whose message is the
 * gate's verdict lines, word for word what {@code evalgate check} prints.
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

        /** Narrows the single-limit assertions to one target; by default they apply to every target. */
        public Assert target(String id) {
            result.metrics(id); // names the known targets when id is not one of them
            return new Assert(result, List.of(id));
        }

        /**
         * The suite's own gate passes against {@code baselineFile}, as {@code evalgate check --baseline FILE}
         * decides it: every absolute budget and every margin. The verdict is also written to
         * {@code target/evalgate/<suite>-gate.json} and {@code .md}.
         */
        public Assert passesGate(Path baselineFile) {
            return gate(BaselineFile.read(baselineFile));
        }

        /** The suite's own absolute budgets pass; its margins are noted as not checked, as without --baseline. */
        public Assert passesGate() {
            return gate(null);
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
         * No margin of the suite's gate (pass rate, error rate, p95 latency, cost: each one it defines) shows a
         * significant regression beyond it against the baseline file, decided with Holm across them as
         * {@code evalgate check} does; its absolute budgets are left out.
         */
        public Assert noSignificantRegressionAgainst(Path baselineFile) {
            GateConfig own = ownGate();
            if (own.margins().isEmpty()) {
                throw new ConfigException("suite '" + result.suite() + "' has no margins in its gate; add e.g."
                        + " 'baseline: { pass_rate: { margin: 0.05 } }' under gate:, or pass the margin:"
                        + " noSignificantRegressionAgainst(file, 0.05)");
            }
            GateConfig margins = new GateConfig(List.of(), own.margins(), own.inconclusiveFails(), own.targets());
            return decide(margins, BaselineFile.read(baselineFile), false);
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
            return decide(gate, baseline, false);
        }

        private Assert gate(RunRecord baseline) {
            return decide(ownGate(), baseline, true);
        }

        private GateConfig ownGate() {
            if (result.gate().isEmpty()) {
                throw new ConfigException("suite '" + result.suite() + "' has no gate; add a 'gate:' section to the"
                        + " suite file (or Evaluation.Builder.gate(yaml)), e.g.\n"
                        + "gate:\n  absolute: { pass_rate: \">= 0.85\" }\n  baseline: { pass_rate: { margin: 0.05 } }");
            }
            return result.gate();
        }

        private Assert budget(GateConfig.Measure measure, double limit) {
            GateConfig gate = new GateConfig(List.of(new GateConfig.Budget(measure, limit)), List.of(), true, targets);
            return decide(gate, null, false);
        }

        private Assert decide(GateConfig gate, RunRecord baseline, boolean writeVerdict) {
            GateReport report = new SuiteGate(gate).evaluate(SuiteGate.Evidence.of(result.record(), baseline, SEED));
            String baseRunId = baseline == null ? null : baseline.runId();
            if (writeVerdict && result.reportDir() != null) {
                Path dir = result.reportDir();
                EvalRun.write(dir.resolve(result.suite() + "-gate.json"),
                        GateJson.of(result.suite(), result.runId(), baseRunId, report));
                EvalRun.write(dir.resolve(result.suite() + "-gate.md"),
                        GateLines.markdown(result.suite(), result.runId(), baseRunId, report));
            }
            if (report.failsBuild()) {
                throw new AssertionFailedError(GateLines.text(result.suite(), result.runId(), baseRunId, report));
            }
            return this;
        }
    }
}
