package dev.evalgate.stats;

/**
 * The change in true pass rate between two runs whose outputs were judged by the same calibrated judge, on the
 * same cases (paired).
 *
 * <p>When the judge errs alike on both runs, the judged difference shrinks by J: E[Δp̂] = J·Δθ. So McNemar's test
 * on the judged verdicts still tests "no change" (with less power), the change is estimated as Δp̂ / Ĵ, and a
 * conservative interval divides Newcombe's paired interval for Δp̂ by the ends of J's interval, each taken at the
 * level that leaves half the error budget (97.5% each for a 95% interval), so that both hold together.
 */
public sealed interface JudgedComparison {

    /** McNemar's test on the judged verdicts, valid whether or not the judge is calibrated. */
    McNemar test();

    /** The judged difference Δp̂ = candidate − baseline, before correction. */
    double judgedDifference();

    /** A corrected change with its conservative interval. */
    record Estimated(McNemar test, double judgedDifference, double difference, Interval interval)
            implements JudgedComparison {
    }

    /** No corrected change can be given; {@code reason} says why. */
    record Undecidable(McNemar test, double judgedDifference, String reason) implements JudgedComparison {
    }

    /**
     * The comparison for the paired table of judged verdicts (a = both pass, b = baseline-only passes,
     * c = candidate-only passes, d = both fail) under the judge's {@code calibration}.
     */
    static JudgedComparison of(long a, long b, long c, long d, JudgeCalibration calibration, double confidence) {
        Critical.requireConfidence(confidence);
        double level = 1 - (1 - confidence) / 2;
        Newcombe judged = Newcombe.pairedInterval(a, b, c, d, level);
        McNemar test = McNemar.test(b, c);
        double delta = judged.difference();
        if (Double.isNaN(delta)) {
            return new Undecidable(test, delta, "no case has a judged verdict in both runs");
        }
        Interval youden = calibration.youdenInterval(level);
        if (youden.isEmpty()) {
            return new Undecidable(test, delta, "the calibration needs items humans passed and items they failed");
        }
        if (youden.lower() <= 0) {
            // the advice is sized on the head run's judged rate, the run the decision is about
            double headRate = (double) (a + c) / (a + b + c + d);
            return new Undecidable(test, delta, ChanceCheck.reason(calibration, youden, level) + "; "
                    + ChanceCheck.adviceText(ChanceCheck.advice(calibration, headRate, level)));
        }
        double low = judged.interval().lower();
        double high = judged.interval().upper();
        double jLow = youden.lower();
        double jHigh = Math.min(1, youden.upper());
        // Dividing by the smaller J stretches a bound away from zero and by the larger pulls it in; take the wider.
        double lower = Math.max(-1, Math.min(low / jLow, low / jHigh));
        double upper = Math.min(1, Math.max(high / jLow, high / jHigh));
        double difference = Math.max(-1, Math.min(1, delta / calibration.youden()));
        return new Estimated(test, delta, difference, new Interval(lower, upper));
    }
}
