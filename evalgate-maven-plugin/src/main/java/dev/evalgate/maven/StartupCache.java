package dev.evalgate.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forked CLI's start-up cache, kept beside the evalgate-cli jar as the {@code evalgate} launcher keeps its own:
 * on JDK 25+ an AOT cache ({@code evalgate-<java version>.aot}, JEP 483/515), on JDK 21–24 a dynamic class-data
 * archive ({@code .jsa}). The first run without a usable cache records one; a cache older than any jar on the fork's
 * class path is recorded again. {@code EVALGATE_AOT=off} runs without one; {@code EVALGATE_AOT=cds} uses the
 * class-data archive on any JDK. The JDK's messages about the cache are off, so a stale or unreadable cache is
 * ignored silently.
 *
 * @param kind    "aot" or "jsa"
 * @param file    where the cache lives
 * @param jars    the fork's class path, which the cache is made from and must be newer than
 * @param java    the Java that runs the fork
 * @param feature its feature version
 */
record StartupCache(String kind, Path file, List<Path> jars, Path java, int feature) {

    private static final Pattern RUNTIME = Pattern.compile("(?m)^JAVA_RUNTIME_VERSION=\"?([^\"\\n]+)");

    /** The cache for this Java and class path, or empty when turned off or its folder is not writable. */
    static Optional<StartupCache> of(Path java, int feature, Path cliJar, List<Path> jars, Map<String, String> env) {
        String mode = env.getOrDefault("EVALGATE_AOT", "on");
        Optional<String> runtime = runtimeVersion(java);
        Path dir = cliJar.toAbsolutePath().getParent();
        if ("off".equals(mode) || runtime.isEmpty() || dir == null || !Files.isWritable(dir)) {
            return Optional.empty();
        }
        String kind = "cds".equals(mode) || feature < 25 ? "jsa" : "aot";
        Path file = dir.resolve("evalgate-" + runtime.get().replaceAll("[^A-Za-z0-9.+-]", "_") + "." + kind);
        return Optional.of(new StartupCache(kind, file, List.copyOf(jars), java, feature));
    }

    /** Whether the cache exists and is newer than every jar it was made from. */
    boolean fresh() {
        return newerThanAll(file, jars);
    }

    /**
     * Flags that make the JVM use the cache when {@code fresh}, else record one (then call {@link #create}).
     * {@code work} holds the recording's scratch files.
     */
    List<String> flags(boolean fresh, Path work) {
        List<String> flags = new ArrayList<>(quiet());
        if (fresh) {
            flags.add(kind.equals("aot") ? "-XX:AOTCache=" + file : "-XX:SharedArchiveFile=" + file);
        } else if (kind.equals("aot")) {
            flags.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput", "-XX:AOTMode=record",
                    "-XX:AOTConfiguration=" + configuration(work)));
        } else {
            flags.add("-XX:ArchiveClassesAtExit=" + temporary(work));
        }
        return flags;
    }

    /**
     * After a recording run that did its work, turns what it recorded into the cache and moves it into place under
     * a private name first, so concurrent builds never leave a half-written cache; the last one wins.
     */
    void create(Path work, String classPath) throws IOException, InterruptedException {
        Path temporary = temporary(work);
        try {
            if (kind.equals("aot")) {
                List<String> command = new ArrayList<>(List.of(java.toString()));
                command.addAll(quiet());
                command.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration(work),
                        "-XX:AOTCache=" + temporary, "-cp", classPath));
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                process.getOutputStream().close();
                if (process.waitFor() != 0) {
                    return;
                }
            }
            if (Files.isRegularFile(temporary) && Files.size(temporary) > 0) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(temporary);
            Files.deleteIfExists(configuration(work));
        }
    }

    private List<String> quiet() {
        return List.of(feature >= 25 ? "-Xlog:aot*=off,cds*=off" : "-Xlog:cds*=off");
    }

    private Path configuration(Path work) {
        return work.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".conf");
    }

    private Path temporary(Path work) {
        return file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    private static boolean newerThanAll(Path cache, List<Path> jars) {
        try {
            if (!Files.isRegularFile(cache)) {
                return false;
            }
            FileTime made = Files.getLastModifiedTime(cache);
            for (Path jar : jars) {
                if (Files.getLastModifiedTime(jar).compareTo(made) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The exact runtime version in the Java home's {@code release} file, e.g. "25.0.3+9-LTS". */
    static Optional<String> runtimeVersion(Path java) {
        Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
        try {
            Matcher m = RUNTIME.matcher(Files.readString(release));
            return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
