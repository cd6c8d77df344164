package dev.evalgate.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A judge's entry under {@code judges:} as the suite file writes it, before {@code ${VAR}} references are resolved:
 * what identifies the judge across machines for its calibration, where resolved settings would differ by API key or
 * by the path to java.
 */
final class JudgeDefinition {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private JudgeDefinition() {
    }

    /** The entry of {@code judgeId} as canonical JSON text, or null when the file cannot be read that way. */
    static String asWritten(String suiteFile, String judgeId) {
        if (suiteFile == null) {
            return null;
        }
        try {
            JsonNode entry = YAML.readTree(Files.readString(Path.of(suiteFile))).path("judges").path(judgeId);
            return entry.isMissingNode() ? null : entry.toString();
        } catch (IOException | RuntimeException e) {
            return null; // the resolved, masked spec serves instead
        }
    }
}
