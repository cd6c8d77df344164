package dev.evalgate.gate;

import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.score.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteGateJudgeErrorsTest {

    /** 200 cases: 180 judged pass, 20 judge errors (the target answered, the judge gave no verdict). */
    private static RunRecord run() {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean judgeError = i % 10 == 0;
            cases.add(new CaseRecord(String.format("c%03d", i), judgeError ? Outcome.ERROR : Outcome.PASS,
                    judgeError ? 0 : 1, judgeError ? 0 : 1, 100, 10L, 2L, 0.001, "a", "an answer", Map.of(),
                    judgeError ? "judge: judge error: the judge's reply is not one JSON object: YES" : null,
                    judgeError));
        }
        return new RunRecord("h", "demo", "hash", List.of("judge{}"), List.of(new RunRecord.TargetSpec("t", "{}")),
                List.of(new TargetRecord("t", cases)));
    }

    @Test
    void judge_errors_are_never_passes_and_the_gate_says_how_many_there_were() {
        GateConfig config = GateConfig.parse(YamlTree.parse("evalgate.yaml",
                "absolute: { pass_rate: \">= 0.95\" }\n", Interpolator.of(Map.of())));

        GateReport report = new SuiteGate(config).evaluate(SuiteGate.Evidence.of(run(), null, 1));

        assertThat(report.verdict()).as("every judged case passed, but 180 of 200 is 90%: the unjudged count")
                .isEqualTo(Verdict.FAIL);
        assertThat(report.notes()).contains("demo/t: 20 of 200 cases are judge errors (the judge gave no verdict,"
                + " 10.0%); they count as not passed in the pass rate and as errors in the error rate");
    }
}
