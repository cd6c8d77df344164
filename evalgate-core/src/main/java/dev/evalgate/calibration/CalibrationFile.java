package dev.evalgate.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.error.ConfigException;
import dev.evalgate.files.AtomicFile;
import dev.evalgate.stats.JudgeCalibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A calibration saved as JSON beside its labels file ({@code tone.jsonl} → {@code tone.calibration.json}), so it is
 * kept in git with the labels and a CI job on a clean clone corrects judged numbers without calling the judge on
 * the labels again.
 */
public final class CalibrationFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CalibrationFile() {
    }

    /** Where the calibration made from {@code labels} is kept. */
    public static Path beside(Path labels) {
        String name = labels.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return labels.resolveSibling(stem + ".calibration.json");
    }

    public static void write(Path file, Calibration calibration) {
        ObjectNode node = JSON.createObjectNode();
        node.put("scorer", calibration.scorer());
        node.put("fingerprint", calibration.fingerprint());
        node.put("labels", calibration.labels());
        node.put("at", calibration.at().toString());
        JudgeCalibration c = calibration.counts();
        ObjectNode counts = node.putObject("counts");
        counts.put("both_pass", c.bothPass());
        counts.put("judge_only_pass", c.judgeOnlyPass());
        counts.put("human_only_pass", c.humanOnlyPass());
        counts.put("both_fail", c.bothFail());
        counts.put("judge_errors", calibration.judgeErrors());
        try {
            AtomicFile.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write calibration " + file + ": " + e.getMessage(), e);
        }
    }

    /** The calibration in {@code file}, or empty when there is none yet. */
    public static Optional<Calibration> read(Path file) {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw broken(file, e.getMessage());
        }
        try {
            JsonNode counts = node.required("counts");
            JudgeCalibration c = new JudgeCalibration(count(counts, "both_pass"), count(counts, "judge_only_pass"),
                    count(counts, "human_only_pass"), count(counts, "both_fail"));
            return Optional.of(new Calibration(node.required("scorer").asText(),
                    node.required("fingerprint").asText(), c, count(counts, "judge_errors"),
                    node.path("labels").asText(""), Instant.parse(node.required("at").asText())));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw broken(file, e.getMessage());
        }
    }

    private static long count(JsonNode counts, String key) {
        JsonNode value = counts.required(key);
        if (!value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException("'" + key + "' must be a count, got " + value);
        }
        return value.asLong();
    }

    private static ConfigException broken(Path file, String why) {
        return new ConfigException("calibration file " + file + " cannot be read: " + why
                + ". Delete it and run 'evalgate judge calibrate' again to rebuild it from the labels.");
    }
}
