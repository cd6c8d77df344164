package dev.evalgate.gate;

import dev.evalgate.stats.Interval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GateCheckTest {

    @Test
    void an_interval_without_an_upper_end_reads_unbounded() {
        GateCheck check = GateCheck.of("suite/t", "p95 latency ms", 1.726,
                new Interval(1.364, Double.POSITIVE_INFINITY), Bound.MAXIMUM, 500, Verdict.INCONCLUSIVE);

        assertThat(check.message()).isEqualTo("suite/t p95 latency ms is 1.726, inconclusive against maximum 500.000"
                + " (interval 1.364 to unbounded)");
    }

    @Test
    void a_failed_minimum_shows_its_interval_when_the_point_is_inside_the_limit() {
        GateCheck check = GateCheck.of("suite/t", "pass rate", 0.86, new Interval(0.80, 0.91), Bound.MINIMUM, 0.85,
                Verdict.FAIL);

        assertThat(check.message()).isEqualTo("suite/t pass rate is 0.860, but expected minimum is 0.850"
                + " (interval 0.800 to 0.910)");
    }
}
