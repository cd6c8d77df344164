package dev.evalgate.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.calibration.Calibration;
import dev.evalgate.calibration.CalibrationStatus;
import dev.evalgate.calibration.JudgedRate;
import dev.evalgate.stats.JudgeCalibration;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The judged pass rates a run stored with its metrics, per judge scorer, rebuilt with the calibration the run was corrected by, so
 * that {@code check} decides a judged budget on the judge as it was when the run was judged, whatever the labels
 * say now.
 */
public final class StoredJudgedRates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredJudgedRates() {
    }

    /** The name of an unnamed judge scorer; a run that kept no rates per scorer gives its pooled rate under it. */
    public static final String DEFAULT_SCORER = "judge";

    /**
     * Per target and judge scorer, its judged rate; targets without a judge are absent. A run stored before judge
     * scorers were counted apart gives its pooled rate under {@value #DEFAULT_SCORER}.
     */
    public static Map<String, Map<String, JudgedRate>> byScorer(StoredRun run) {
        Map<String, Map<String, JudgedRate>> out = new LinkedHashMap<>();
        run.metricsJson().forEach((target, json) -> {
            JsonNode grading;
            try {
                grading = JSON.readTree(json).path("grading");
            } catch (IOException e) {
                return; // metrics that cannot be read carry no judged rate; the gate says it cannot judge
            }
            Map<String, JudgedRate> rates = new LinkedHashMap<>();
            JsonNode scorers = grading.path("scorers");
            if (scorers.isObject() && !scorers.isEmpty()) {
                scorers.fields().forEachRemaining(e -> {
                    JudgedRate rate = read(e.getValue().path("judged"));
                    if (rate != null) {
                        rates.put(e.getKey(), rate);
                    }
                });
            } else {
                JudgedRate rate = read(grading.path("judged"));
                if (rate != null) {
                    rates.put(DEFAULT_SCORER, rate);
                }
            }
            if (!rates.isEmpty()) {
                out.put(target, rates);
            }
        });
        return out;
    }

    /** Per target, its judged rate pooled over its judge scorers; targets without a judge are absent. */
    public static Map<String, JudgedRate> of(StoredRun run) {
        Map<String, JudgedRate> out = new LinkedHashMap<>();
        run.metricsJson().forEach((target, json) -> {
            JudgedRate rate = read(json);
            if (rate != null) {
                out.put(target, rate);
            }
        });
        return out;
    }

    static JudgedRate read(String metricsJson) {
        try {
            return read(JSON.readTree(metricsJson).path("grading").path("judged"));
        } catch (IOException e) {
            return null; // metrics that cannot be read carry no judged rate; the gate says it cannot judge
        }
    }

    private static JudgedRate read(JsonNode judged) {
        if (!judged.isObject()) {
            return null;
        }
        long passes = judged.path("passes").asLong();
        long verdicts = judged.path("verdicts").asLong();
        JsonNode c = judged.path("calibration");
        if (!c.isObject()) {
            String why = judged.path("uncorrected").asText("the judge was not calibrated");
            return JudgedRate.of(passes, verdicts, new CalibrationStatus.Unusable(why, false));
        }
        JudgeCalibration counts = new JudgeCalibration(c.path("bothPass").asLong(), c.path("judgeOnlyPass").asLong(),
                c.path("humanOnlyPass").asLong(), c.path("bothFail").asLong());
        String fingerprint = judged.path("fingerprint").isTextual() ? judged.path("fingerprint").asText() : null;
        Calibration calibration = new Calibration("judge", fingerprint == null ? "" : fingerprint, counts, 0,
                judged.path("labels").asText(null), Instant.EPOCH);
        JudgedRate rate = JudgedRate.of(passes, verdicts, new CalibrationStatus.Usable(calibration));
        // a run stored before fingerprints were kept cannot show it was judged by the same judge as another
        return new JudgedRate(rate.passes(), rate.verdicts(), rate.calibration(), rate.labels(), rate.corrected(),
                rate.uncorrected(), fingerprint);
    }
}
