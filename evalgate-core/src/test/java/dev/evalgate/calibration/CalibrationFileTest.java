package dev.evalgate.calibration;

import dev.evalgate.error.ConfigException;
import dev.evalgate.stats.JudgeCalibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalibrationFileTest {

    @TempDir
    Path dir;

    private final Calibration calibration = new Calibration("tone", "sha256:abc",
            new JudgeCalibration(90, 16, 10, 84), 3, "labels/tone.jsonl", Instant.parse("2026-12-04T10:00:00Z"));

    @Test
    void the_calibration_is_kept_beside_its_labels() {
        assertThat(CalibrationFile.beside(Path.of("labels/tone.jsonl")))
                .isEqualTo(Path.of("labels/tone.calibration.json"));
        assertThat(CalibrationFile.beside(Path.of("labels"))).isEqualTo(Path.of("labels.calibration.json"));
    }

    @Test
    void a_calibration_survives_a_write_and_a_read() {
        Path file = dir.resolve("tone.calibration.json");
        CalibrationFile.write(file, calibration);
        assertThat(CalibrationFile.read(file)).contains(calibration);
        assertThat(CalibrationFile.read(dir.resolve("other.json"))).isEmpty();
    }

    @Test
    void a_calibration_of_another_judge_configuration_is_not_used() {
        Path labels = dir.resolve("tone.jsonl");
        CalibrationFile.write(CalibrationFile.beside(labels), calibration);
        assertThat(CalibrationStatus.forLabels("tone", "sha256:abc", labels))
                .isEqualTo(new CalibrationStatus.Usable(calibration));
        CalibrationStatus stale = CalibrationStatus.forLabels("tone", "sha256:def", labels);
        assertThat(stale).isInstanceOfSatisfying(CalibrationStatus.Unusable.class, u -> {
            assertThat(u.stale()).isTrue();
            assertThat(u.reason()).contains("another configuration of judge scorer 'tone'")
                    .endsWith("run 'evalgate judge calibrate' again");
        });
        assertThat(CalibrationStatus.of("tone", "x", labels, Optional.empty()))
                .isInstanceOfSatisfying(CalibrationStatus.Unusable.class, u -> assertThat(u.stale()).isFalse());
    }

    @Test
    void a_damaged_calibration_file_says_how_to_rebuild_it() throws Exception {
        Path file = dir.resolve("tone.calibration.json");
        Files.writeString(file, "{\"scorer\":\"tone\",\"fingerprint\":\"x\",\"at\":\"2026-12-04T10:00:00Z\","
                + "\"counts\":{\"both_pass\":-1}}");
        assertThatThrownBy(() -> CalibrationFile.read(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot be read").hasMessageEndingWith("rebuild it from the labels.");
    }
}
