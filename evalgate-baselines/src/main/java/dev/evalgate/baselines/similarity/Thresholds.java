package dev.evalgate.baselines.similarity;

import dev.evalgate.config.Options;

/** Reads the pass mark of a similarity scorer: {@code threshold}, or the short form {@code scorer: 0.85}. */
final class Thresholds {

    static final double DEFAULT = 0.8;

    private Thresholds() {
    }

    /** {@code threshold} in [0, 1]; {@code value} is what the suite's short form {@code similarity: 0.85} sets. */
    static double read(Options options) {
        return options.number("threshold", 0, 1)
                .or(() -> options.number("value", 0, 1))
                .orElse(DEFAULT);
    }
}
