package dev.evalgate.cli;

import dev.evalgate.error.ConfigException;
import dev.evalgate.files.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes the report files the history commands are asked for (--markdown, --json, --junit). */
final class Reports {

    /** GitHub Actions' file for the job summary; what is appended to it shows on the run's page. */
    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private Reports() {
    }

    static void write(Path file, String text) {
        try {
            AtomicFile.writeString(file, text);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot write the report: " + e.getMessage()
                    + ". Check the folder exists and is writable, or pass another path.");
        }
    }

    /** Appends to $GITHUB_STEP_SUMMARY when it is set (in GitHub Actions), else does nothing. */
    static void appendToStepSummary(String markdown) {
        String summary = System.getenv(STEP_SUMMARY);
        if (summary == null || summary.isBlank()) {
            return;
        }
        Path file = Path.of(summary);
        try {
            Files.writeString(file, markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ConfigException("$" + STEP_SUMMARY + " (" + file + "): cannot append the gate report: "
                    + e.getMessage());
        }
    }
}
