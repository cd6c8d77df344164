package dev.evalgate.gate;

import dev.evalgate.calibration.Calibration;
import dev.evalgate.calibration.CalibrationStatus;
import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.stats.JudgeCalibration;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JudgedBudgetTest {

    private final AbsoluteBudget atLeast60 = new AbsoluteBudget("s/bot", "judged pass rate", Bound.MINIMUM, 0.60);

    private static CalibrationStatus calibrated(long a, long b, long c, long d) {
        return new CalibrationStatus.Usable(new Calibration("judge", "f", new JudgeCalibration(a, b, c, d), 0,
                "labels/judge.jsonl", Instant.EPOCH));
    }

    @Test
    void a_calibrated_judge_is_decided_on_the_corrected_interval_not_the_raw_one() {
        // raw 0.69 of 1000 clears 0.60 easily; corrected for a judge with q1 0.9 and q0 0.8 it is about 0.70
        JudgedRate rate = JudgedRate.of(690, 1000, calibrated(90, 20, 10, 80));
        GateCheck check = JudgedBudget.check(atLeast60, rate);
        assertThat(check.actual()).isCloseTo(0.70, org.assertj.core.api.Assertions.within(0.005));
        assertThat(check.interval().lower()).isLessThan(rate.rawInterval().lower());
        assertThat(check.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void the_correction_can_fail_a_rate_the_raw_verdicts_would_pass() {
        // a lenient judge (passes 60% of bad outputs) inflates 0.45 true to about 0.75 judged
        JudgedRate rate = JudgedRate.of(750, 1000, calibrated(950, 600, 50, 400));
        assertThat(new AbsoluteBudget("s/bot", "raw", Bound.MINIMUM, 0.60)
                .check(rate.raw(), rate.rawInterval()).verdict()).isEqualTo(Verdict.PASS);
        assertThat(JudgedBudget.check(atLeast60, rate).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void a_judge_no_better_than_chance_makes_the_check_inconclusive_with_the_reason() {
        GateCheck check = JudgedBudget.check(atLeast60, JudgedRate.of(500, 1000, calibrated(50, 50, 50, 50)));
        assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(check.message()).contains("judged pass rate cannot be judged: the judge may be no better than"
                + " chance");
    }

    @Test
    void without_a_judge_or_a_verdict_nothing_is_decided() {
        assertThat(JudgedBudget.check(atLeast60, null).message()).contains("no model judge graded");
        assertThat(JudgedBudget.check(atLeast60, JudgedRate.of(0, 0,
                new CalibrationStatus.Unusable("none", false))).message()).contains("no output got a verdict");
    }

    @Test
    void an_uncalibrated_judge_is_decided_on_the_raw_interval() {
        JudgedRate rate = JudgedRate.of(690, 1000, new CalibrationStatus.Unusable("no calibration", false));
        assertThat(JudgedBudget.check(atLeast60, rate).interval()).isEqualTo(rate.rawInterval());
        assertThat(rate.describe()).isEqualTo("not corrected: no calibration");
    }
}
