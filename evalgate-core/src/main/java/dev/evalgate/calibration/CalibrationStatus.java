package dev.evalgate.calibration;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a judge's numbers can be corrected: a calibration made on the judge as it is configured now, none at all,
 * or one made on another configuration of it (another model, settings, rubric or template), which says nothing about
 * the judge as it is now and is therefore not used.
 */
public sealed interface CalibrationStatus {

    /** A calibration that matches the judge. */
    record Usable(Calibration calibration) implements CalibrationStatus {
    }

    /** No calibration can be used; {@code reason} says why and what to run, in one sentence. */
    record Unusable(String reason, boolean stale) implements CalibrationStatus {
    }

    /** The status of the calibration in {@code file} for the scorer {@code scorer} whose judge has {@code fingerprint}. */
    public static CalibrationStatus of(String scorer, String fingerprint, Path file, Optional<Calibration> saved) {
        if (saved.isEmpty()) {
            return new Unusable("judge scorer '" + scorer + "' has no calibration (" + file + " does not exist);"
                    + " label outputs with 'evalgate label' and run 'evalgate judge calibrate'", false);
        }
        Calibration calibration = saved.get();
        if (!calibration.fingerprint().equals(fingerprint)) {
            return new Unusable("the calibration in " + file + " was made on another configuration of judge scorer '"
                    + scorer + "' (its model, settings, rubric or template changed since " + calibration.at()
                    + "); run 'evalgate judge calibrate' again", true);
        }
        return new Usable(calibration);
    }

    /** The status for the calibration kept beside {@code labels}. */
    public static CalibrationStatus forLabels(String scorer, String fingerprint, Path labels) {
        Path file = CalibrationFile.beside(labels);
        return of(scorer, fingerprint, file, CalibrationFile.read(file));
    }
}
