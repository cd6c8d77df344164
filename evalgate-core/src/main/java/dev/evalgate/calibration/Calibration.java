package dev.evalgate.calibration;

import dev.evalgate.stats.JudgeCalibration;

import java.time.Instant;
import java.util.Objects;

/**
 * A judge measured against human labels: how often it agreed with people, and on which configuration.
 *
 * @param scorer      the judge scorer's id in the suite
 * @param fingerprint the judge configuration the counts belong to (model, settings, rubric, template, votes); a
 *                    calibration is only used while the suite's judge still has this fingerprint
 * @param counts      the agreement counts over the labelled outputs the judge gave a verdict on
 * @param judgeErrors labelled outputs on which the judge gave no verdict; left out of the counts
 * @param labels      the labels file the calibration was made from, as the user named it
 * @param at          when it was made
 */
public record Calibration(String scorer, String fingerprint, JudgeCalibration counts, long judgeErrors,
                          String labels, Instant at) {

    public Calibration {
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(counts, "counts");
        if (judgeErrors < 0) {
            throw new IllegalArgumentException("judge errors must be >= 0, got " + judgeErrors);
        }
    }

    /** An empty tally, to be fed labelled outputs one by one. */
    public static Counter counter() {
        return new Counter();
    }

    /** Tallies labelled outputs into agreement counts. Not thread-safe. */
    public static final class Counter {
        private long a;
        private long b;
        private long c;
        private long d;
        private long errors;

        private Counter() {
        }

        /** One labelled output; {@code judgePass} is null when the judge gave no verdict on it. */
        public Counter add(boolean humanPass, Boolean judgePass) {
            if (judgePass == null) {
                errors++;
            } else if (humanPass) {
                if (judgePass) {
                    a++;
                } else {
                    c++;
                }
            } else if (judgePass) {
                b++;
            } else {
                d++;
            }
            return this;
        }

        public JudgeCalibration counts() {
            return new JudgeCalibration(a, b, c, d);
        }

        public long judgeErrors() {
            return errors;
        }
    }
}
