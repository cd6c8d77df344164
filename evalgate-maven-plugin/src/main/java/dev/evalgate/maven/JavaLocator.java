package dev.evalgate.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The search for a Java 21+ runtime to fork evalgate on: the build's JDK toolchain, the JVM running Maven,
 * {@code JAVA_HOME}, then the JDKs installed under a folder such as {@code /usr/lib/jvm}.
 *
 * <p>Each candidate's version is read from its {@code release} file (the running JVM reports its own), so a JDK
 * older than 21 is passed over instead of failing later with an unsupported class version.
 */
final class JavaLocator {

    /** The oldest Java that runs evalgate's classes. */
    static final int MINIMUM = 21;

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([0-9._]+)");

    private final List<String> tried = new ArrayList<>();

    /** A Java home that can run evalgate, and how it was found (for the build log). */
    record Found(Path java, int version, String how) {
    }

    /**
     * The first candidate with Java {@value #MINIMUM} or newer, in order of preference.
     *
     * @param toolchainJava the {@code java} binary of the build's JDK toolchain, or null without one
     * @param runningHome   {@code java.home} of the JVM running Maven, and {@code runningVersion} its feature version
     * @param javaHome      the {@code JAVA_HOME} environment variable, or null
     * @param installRoot   a folder holding JDKs side by side, such as {@code /usr/lib/jvm}
     */
    Optional<Found> find(Path toolchainJava, Path runningHome, int runningVersion, String javaHome, Path installRoot) {
        if (toolchainJava != null) {
            Path home = toolchainJava.toAbsolutePath().getParent().getParent();
            Optional<Found> found = candidate(home, "the build's JDK toolchain");
            if (found.isPresent()) {
                return found;
            }
        }
        tried.add("Maven's own Java " + runningVersion + " (" + runningHome + ")");
        if (runningVersion >= MINIMUM && Files.isExecutable(binary(runningHome))) {
            return Optional.of(new Found(binary(runningHome), runningVersion, "the JVM running Maven"));
        }
        if (javaHome != null && !javaHome.isBlank()) {
            Optional<Found> found = candidate(Path.of(javaHome), "JAVA_HOME");
            if (found.isPresent()) {
                return found;
            }
        }
        return installed(installRoot);
    }

    /** What was looked at and rejected, for the error message when nothing fits. */
    List<String> tried() {
        return List.copyOf(tried);
    }

    private Optional<Found> installed(Path root) {
        if (root == null || !Files.isDirectory(root)) {
            tried.add(root + " (absent)");
            return Optional.empty();
        }
        List<Found> usable = new ArrayList<>();
        try (Stream<Path> homes = Files.list(root)) {
            homes.sorted().forEach(home -> {
                int version = version(home);
                if (version >= MINIMUM && Files.isExecutable(binary(home))) {
                    usable.add(new Found(binary(home), version, "a JDK installed under " + root));
                }
            });
        } catch (IOException e) {
            tried.add(root + " (unreadable: " + e.getMessage() + ")");
            return Optional.empty();
        }
        if (usable.isEmpty()) {
            tried.add(root + " (no JDK " + MINIMUM + "+ with a release file)");
        }
        // the newest wins; ties keep the first by name, so the choice does not depend on listing order
        return usable.stream().max(Comparator.comparingInt(Found::version));
    }

    private Optional<Found> candidate(Path home, String how) {
        int version = version(home);
        if (version >= MINIMUM && Files.isExecutable(binary(home))) {
            return Optional.of(new Found(binary(home), version, how));
        }
        tried.add(how + " " + home + (version < 0 ? " (no release file)" : " (Java " + version + ")"));
        return Optional.empty();
    }

    static Path binary(Path home) {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return home.resolve("bin").resolve(windows ? "java.exe" : "java");
    }

    /** The feature version in a Java home's {@code release} file ("1.8.0_402" is 8, "21.0.2" is 21), or -1. */
    static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return -1;
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            if (!m.find()) {
                return -1;
            }
            String[] parts = m.group(1).split("[._]");
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
