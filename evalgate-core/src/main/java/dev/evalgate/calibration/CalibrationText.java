package dev.evalgate.calibration;

import dev.evalgate.stats.CohenKappa;
import dev.evalgate.stats.Interval;
import dev.evalgate.stats.JudgeCalibration;
import dev.evalgate.stats.LabelAllocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A calibration as the lines a person reads after {@code evalgate judge calibrate}. */
public final class CalibrationText {

    private static final double CONFIDENCE = 0.95;

    private CalibrationText() {
    }

    /**
     * The counts, the judge's sensitivity and specificity with Wilson intervals, agreement, Cohen's κ, Youden's J,
     * and where {@code extra} more labels would narrow the corrected interval most for a suite judged to pass at
     * {@code judgedRate} (NaN when unknown: the labelled outputs' own judged rate is used).
     */
    public static List<String> lines(Calibration calibration, double judgedRate, long extra) {
        JudgeCalibration c = calibration.counts();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "labels: %d (%d a person passed, %d a person failed)%s", c.size(),
                c.humanPasses(), c.humanFails(), calibration.judgeErrors() == 0 ? ""
                        : "; " + calibration.judgeErrors() + " more had no judge verdict (judge error) and are"
                        + " left out"));
        out.add("sensitivity " + rate(c.sensitivity(), c.sensitivityInterval(CONFIDENCE))
                + "  (share of outputs a person passed that the judge passed)");
        out.add("specificity " + rate(c.specificity(), c.specificityInterval(CONFIDENCE))
                + "  (share of outputs a person failed that the judge failed)");
        if (c.size() > 0) {
            CohenKappa kappa = c.kappa(CONFIDENCE);
            out.add(String.format(Locale.ROOT, "agreement %.3f, Cohen's kappa %s", c.agreement(),
                    rate(kappa.kappa(), kappa.interval())));
        }
        out.add("Youden's J " + rate(c.youden(), c.youdenInterval(CONFIDENCE))
                + "  (1 = a perfect judge, 0 = a coin; the correction needs J above 0)");
        double rate = Double.isNaN(judgedRate) ? labelledJudgedRate(c) : judgedRate;
        if (extra > 0 && !Double.isNaN(rate) && c.size() > 0) {
            LabelAllocation more = LabelAllocation.more(c, rate, extra);
            out.add("next " + extra + " labels: about " + more.fails() + " on outputs that truly fail and "
                    + more.passes() + " on outputs that truly pass narrow the corrected interval most");
        }
        return out;
    }

    private static double labelledJudgedRate(JudgeCalibration c) {
        return c.size() == 0 ? Double.NaN : (double) (c.bothPass() + c.judgeOnlyPass()) / c.size();
    }

    private static String rate(double value, Interval interval) {
        if (Double.isNaN(value)) {
            return "unknown (no labels of that kind)";
        }
        if (interval.isEmpty()) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] 95%%", value, interval.lower(), interval.upper());
    }
}
