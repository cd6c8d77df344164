package dev.evalgate.maven;

import org.apache.maven.plugin.MojoExecutionException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of the run a results file ({@code evalgate run --output}) describes, which {@code check} is then given
 * by name: "last" would pick another build's run when two builds share a store.
 *
 * <p>The file opens with {@code "run": {"run_id": ...}} (docs/results-schema.md), so reading its head is enough and
 * the plugin, which must not load evalgate's Java 21 classes, needs no JSON library.
 */
final class ResultsRunId {

    private static final Pattern RUN_ID = Pattern.compile("\"run\"\\s*:\\s*\\{\\s*\"run_id\"\\s*:\\s*\"([^\"\\\\]+)\"");
    private static final int HEAD = 64 * 1024;

    private ResultsRunId() {
    }

    static String read(Path results) throws MojoExecutionException {
        String head;
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            char[] buffer = new char[HEAD];
            int length = 0;
            for (int n; length < HEAD && (n = reader.read(buffer, length, HEAD - length)) > 0; ) {
                length += n;
            }
            head = new String(buffer, 0, length);
        } catch (IOException e) {
            throw new MojoExecutionException("evalgate run wrote no results file " + results + " (" + e.getMessage()
                    + "), so the run to check is unknown. Rerun the build with -X to see evalgate's output.");
        }
        Matcher m = RUN_ID.matcher(head);
        if (!m.find()) {
            throw new MojoExecutionException(results + " does not start with the run's \"run_id\" (schema"
                    + " evalgate.results); the evalgate-cli on the plugin's class path may not match the plugin's version.");
        }
        return m.group(1);
    }
}
