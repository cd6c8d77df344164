package dev.evalgate.calibration;

import dev.evalgate.stats.JudgeCalibration;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationTextTest {

    @Test
    void the_report_names_counts_rates_kappa_and_j() {
        Calibration c = new Calibration("tone", "f", new JudgeCalibration(90, 16, 10, 84), 2, "l.jsonl",
                Instant.EPOCH);
        assertThat(CalibrationText.lines(c, 0.6, 50)).satisfiesExactly(
                l -> assertThat(l).isEqualTo("labels: 200 (100 a person passed, 100 a person failed); 2 more had no"
                        + " judge verdict (judge error) and are left out"),
                l -> assertThat(l).startsWith("sensitivity 0.900 [0.826, 0.945] 95%"),
                l -> assertThat(l).startsWith("specificity 0.840 [0.756, 0.899] 95%"),
                l -> assertThat(l).startsWith("agreement 0.870, Cohen's kappa 0.740 ["),
                l -> assertThat(l).startsWith("Youden's J 0.740 ["),
                l -> assertThat(l).startsWith("next 50 labels: about "));
    }

    @Test
    void the_counter_tallies_each_cell_and_judge_errors_apart() {
        Calibration.Counter counter = Calibration.counter().add(true, true).add(true, true).add(true, false)
                .add(false, false).add(false, true).add(false, null);
        assertThat(counter.counts()).isEqualTo(new JudgeCalibration(2, 1, 1, 1));
        assertThat(counter.judgeErrors()).isEqualTo(1);
    }

    @Test
    void a_class_without_labels_is_reported_as_unknown() {
        Calibration c = new Calibration("tone", "f", new JudgeCalibration(5, 0, 1, 0), 0, "l", Instant.EPOCH);
        assertThat(CalibrationText.lines(c, Double.NaN, 20)).anySatisfy(l ->
                assertThat(l).isEqualTo("specificity unknown (no labels of that kind)  (share of outputs a person"
                        + " failed that the judge failed)"));
    }
}
