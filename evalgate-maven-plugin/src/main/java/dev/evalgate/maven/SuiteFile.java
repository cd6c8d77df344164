package dev.evalgate.maven;

import org.apache.maven.plugin.MojoExecutionException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The suite file a build evaluates: the file {@code <suite>} points at, or the {@code <suiteYaml>} text written
 * to {@value #INLINE_NAME} in the plugin's output folder.
 *
 * <p>evalgate resolves a suite's relative paths (dataset, train, jars, the default store) against the folder of
 * the suite file, so those of an inline suite resolve against {@code target/evalgate/}; inline suites should write
 * {@code ${project.basedir}/...}, which Maven fills in before the plugin sees the text.
 */
final class SuiteFile {

    static final String INLINE_NAME = "suite.yaml";

    private SuiteFile() {
    }

    static Path resolve(File suite, String suiteYaml, Path outputDir) throws MojoExecutionException {
        if (suiteYaml != null && !suiteYaml.isBlank()) {
            Path file = outputDir.resolve(INLINE_NAME);
            try {
                Files.createDirectories(outputDir);
                Files.writeString(file, dedent(suiteYaml), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot write the <suiteYaml> suite to " + file + ": " + e.getMessage());
            }
            return file;
        }
        if (suite == null || !suite.isFile()) {
            throw new MojoExecutionException("no suite file at " + suite + ". Point <suite> at your evalgate.yaml"
                    + " (default ${project.basedir}/evalgate.yaml), put the suite inline in <suiteYaml>,"
                    + " or create one with 'evalgate init'.");
        }
        return suite.toPath().toAbsolutePath();
    }

    /**
     * The YAML text without the indentation the POM gave it. Maven trims the element's text, so the first line
     * arrives unindented and the others keep the POM's indentation: their common indentation is removed.
     */
    static String dedent(String text) {
        List<String> lines = text.strip().lines().toList();
        int common = lines.stream().skip(1).filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder yaml = new StringBuilder(lines.get(0).stripTrailing()).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            yaml.append(line.isBlank() ? "" : line.substring(common).stripTrailing()).append('\n');
        }
        return yaml.toString();
    }
}
