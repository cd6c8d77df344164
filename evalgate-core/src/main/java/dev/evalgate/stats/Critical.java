package dev.evalgate.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** Two-sided critical values of the normal and Student t distributions for a confidence level. */
final class Critical {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Critical() {
    }

    /** z with P(Z > z) = (1 − confidence)/2; 1.959964 for 0.95. */
    static double z(double confidence) {
        return STANDARD_NORMAL.inverseSurvivalProbability(tail(confidence));
    }

    /** t with P(T_df > t) = (1 − confidence)/2; 1.971957 for df 199 at 0.95. */
    static double t(double degreesOfFreedom, double confidence) {
        return TDistribution.of(degreesOfFreedom).inverseSurvivalProbability(tail(confidence));
    }

    /** Rejects a confidence outside (0, 1); a common slip is passing 95 for 0.95. */
    static double requireConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), e.g. 0.95, got " + confidence);
        }
        return confidence;
    }

    private static double tail(double confidence) {
        return (1 - requireConfidence(confidence)) / 2;
    }
}
