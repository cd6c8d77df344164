package dev.evalgate.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, offline {@code mvn} run in a child process over a project folder, with the ITs' local repository.
 *
 * @param exitCode the child Maven's exit code
 * @param output   what it printed, stdout and stderr interleaved
 */
record MavenBuild(int exitCode, String output) {

    /** Runs {@code mvn -B -o -Dmaven.repo.local=<repository> <args>} in {@code project}. */
    static MavenBuild run(Path project, Path repository, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn().toString(), "-B", "-o",
                "-Dmaven.repo.local=" + repository.toAbsolutePath(), "-Dstyle.color=never"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("mvn", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // short builds: the JIT's top tier would not pay for itself
            builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in 4 minutes:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new MavenBuild(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The mvn launcher: of the Maven running this build (surefire passes maven.home), else the first on PATH. */
    static Path mvn() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        String name = windows ? "mvn.cmd" : "mvn";
        String home = System.getProperty("maven.home");
        if (home != null && !home.isBlank() && Files.isExecutable(Path.of(home, "bin", name))) {
            return Path.of(home, "bin", name);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no mvn: set the maven.home system property or put mvn on the PATH");
    }

    @Override
    public String toString() {
        return "mvn exited " + exitCode + ":\n" + output;
    }
}
