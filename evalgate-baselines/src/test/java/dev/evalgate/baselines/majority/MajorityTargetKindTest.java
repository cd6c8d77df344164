package dev.evalgate.baselines.majority;

import dev.evalgate.baselines.SupportRouting;
import dev.evalgate.target.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MajorityTargetKindTest {

    @TempDir
    Path cache;

    @Test
    void predicts_the_most_frequent_label() {
        assertThat(MajorityModel.train(List.of("refund", "billing", "refund")).label()).isEqualTo("refund");
    }

    @Test
    void a_tie_goes_to_the_alphabetically_first_label() {
        assertThat(MajorityModel.train(List.of("shipping", "billing", "billing", "shipping")).label())
                .isEqualTo("billing");
    }

    @Test
    void scores_one_in_eight_on_the_balanced_example() throws Exception {
        try (Target target = new MajorityTargetKind().create(SupportRouting.spec("baseline:majority", "", cache))) {
            assertThat(SupportRouting.accuracy("majority", target)).isCloseTo(1.0 / 8, within(0.01));
        }
    }
}
