package dev.evalgate.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusterRobustMeanTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void cr1_matches_the_clustered_toy_vector() {
        // V4: clusters [1,1,1,0], [0,0,1], [1,1,1,1,1], [0,1]; n = 14, G = 4.
        double[] values = {1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1};
        String[] clusters = {"a", "a", "a", "a", "b", "b", "b", "c", "c", "c", "c", "c", "d", "d"};

        ClusterRobustMean result = ClusterRobustMean.cr1(values, clusters, 0.95);

        assertThat(result.mean()).isCloseTo(0.714286, within(TOLERANCE));
        assertThat(result.standardError()).isCloseTo(0.155424, within(TOLERANCE));
        assertThat(result.clusters()).isEqualTo(4);
        assertThat(result.interval().lower()).isCloseTo(0.219657, within(TOLERANCE));
        assertThat(result.interval().upper()).isCloseTo(1.208914, within(TOLERANCE));
    }

    @Test
    void values_without_a_cluster_are_each_their_own_cluster() {
        double[] values = {1, 0, 1, 1};

        ClusterRobustMean result = ClusterRobustMean.cr1(values, new String[4], 0.95);

        assertThat(result.clusters()).isEqualTo(4);
        // With singleton clusters CR1 reduces to the ordinary Eq. 1 standard error.
        RunningMoments moments = new RunningMoments();
        for (double v : values) {
            moments.add(v);
        }
        assertThat(result.standardError()).isCloseTo(moments.standardError(), within(1e-12));
    }

    @Test
    void one_cluster_gives_no_interval() {
        ClusterRobustMean result = ClusterRobustMean.cr1(new double[] {1, 0}, new String[] {"x", "x"}, 0.95);

        assertThat(result.clusters()).isEqualTo(1);
        assertThat(result.interval().isEmpty()).isTrue();
    }
}
