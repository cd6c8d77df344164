package dev.evalgate.gate;

import dev.evalgate.stats.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {

    private static final AbsoluteBudget BUDGET = new AbsoluteBudget("suite", "pass rate", Bound.MINIMUM, 0.85);

    @Test
    void the_worse_verdict_wins() {
        assertThat(Verdict.PASS.worse(Verdict.PASS_WITH_WARNING)).isEqualTo(Verdict.PASS_WITH_WARNING);
        assertThat(Verdict.FAIL.worse(Verdict.INCONCLUSIVE)).isEqualTo(Verdict.FAIL);
        assertThat(Verdict.INCONCLUSIVE.worse(Verdict.PASS)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void only_fail_blocks() {
        assertThat(Verdict.values()).filteredOn(Verdict::blocks).containsExactly(Verdict.FAIL);
    }

    @Test
    void a_gate_verdict_is_its_worst_check() {
        Gate<double[]> gate = rates -> List.of(
                BUDGET.check(rates[0], new Interval(rates[0] - 0.02, rates[0] + 0.02)),
                BUDGET.check(rates[1], new Interval(rates[1] - 0.02, rates[1] + 0.02)));

        assertThat(gate.verdict(new double[] {0.95, 0.90})).isEqualTo(Verdict.PASS);
        assertThat(gate.verdict(new double[] {0.95, 0.86})).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(gate.verdict(new double[] {0.80, 0.86})).isEqualTo(Verdict.FAIL);
    }

    @Test
    void a_gate_without_checks_passes() {
        Gate<String> empty = evidence -> List.of();

        assertThat(empty.verdict("anything")).isEqualTo(Verdict.PASS);
    }
}
