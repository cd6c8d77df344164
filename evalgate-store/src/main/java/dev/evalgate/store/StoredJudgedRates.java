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
 * The judged pass rates a run stored with its metrics, rebuilt with the calibration the run was corrected by, so
 * that {@code check} decides a judged budget on the judge as it was when the run was judged, whatever the labels
 * say now.
 */
public final class StoredJudgedRates {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredJudgedRates() {
    }

    /** Per target, its judged rate; targets without a judge are absent. */
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
        JsonNode judged;
        try {
            judged = JSON.readTree(metricsJson).path("grading").path("judged");
        } catch (IOException e) {
            return null; // metrics that cannot be read carry no judged rate; the gate says it cannot judge
        }
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
        Calibration calibration = new Calibration("judge", "as stored", counts, 0,
                judged.path("labels").asText(null), Instant.EPOCH);
        return JudgedRate.of(passes, verdicts, new CalibrationStatus.Usable(calibration));
    }
}
