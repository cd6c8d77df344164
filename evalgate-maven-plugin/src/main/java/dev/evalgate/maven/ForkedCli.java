package dev.evalgate.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The evalgate command line run in a child Java process, because Maven's own JVM may be older than evalgate's
 * classes. Each call starts {@code java <flags> @argfile dev.evalgate.maven.ForkMain <project class path file>
 * <args>} and streams its output, line by line, to the build log as it comes.
 *
 * <p>The class path (evalgate's jars only) goes into an argument file (Java's {@code @file} syntax) so a long one
 * survives any operating system's command-line limit; the project's test class path goes into a file of its own,
 * which {@link ForkMain} loads. With a {@link StartupCache}, a call uses it, or records it when it is missing or
 * stale and the call did its work (exit 0 or 100).
 */
final class ForkedCli {

    static final String MAIN = "dev.evalgate.cli.Main";

    private final Path java;
    private final List<String> classPath;
    private final List<String> projectClassPath;
    private final List<String> jvmArgs;
    private final StartupCache cache;
    private final Path workDir;
    private final Path argFile;
    private final Consumer<String> out;
    private final Consumer<String> err;
    private Consumer<String> log = line -> { };

    /** What one command printed, and how it exited. */
    record Result(int exitCode, List<String> out, List<String> err) {
    }

    /**
     * @param classPath        evalgate's jars, the JVM's class path
     * @param projectClassPath the project's test class path, loaded by {@link ForkMain}
     * @param cache            the start-up cache, or null to run without one
     * @param argFile          where the argument file goes; the project's class path is written beside it
     */
    ForkedCli(Path java, List<String> classPath, List<String> projectClassPath, List<String> jvmArgs,
              StartupCache cache, Path workDir, Path argFile, Consumer<String> out, Consumer<String> err) {
        this.java = java;
        this.classPath = List.copyOf(classPath);
        this.projectClassPath = List.copyOf(projectClassPath);
        this.jvmArgs = List.copyOf(jvmArgs);
        this.cache = cache;
        this.workDir = workDir;
        this.argFile = argFile;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code evalgate <args>} to completion. */
    Result run(List<String> args) throws IOException, InterruptedException {
        Path work = argFile.toAbsolutePath().getParent();
        Files.createDirectories(work);
        String joined = String.join(File.pathSeparator, classPath);
        Files.writeString(argFile, "-cp " + quoted(joined) + "\n", StandardCharsets.UTF_8);
        Path projectFile = work.resolve("project.classpath");
        ForkMain.writeClassPath(projectFile, projectClassPath);
        boolean cached = cache != null && cache.fresh();
        List<String> command = command(cache == null ? List.of() : cache.flags(cached, work), projectFile, args);
        Result result = start(command);
        if (cache != null && !cached && (result.exitCode() == 0 || result.exitCode() == 100)) {
            cache.create(work, joined);
        }
        return result;
    }

    /** The child's command line: java, the JVM flags, the cache's, the argument file, the entry point, the args. */
    List<String> command(List<String> cacheFlags, Path projectFile, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.addAll(cacheFlags);
        command.add("@" + argFile.toAbsolutePath());
        command.add(ForkMain.class.getName());
        command.add(projectFile.toString());
        command.addAll(args);
        return command;
    }

    private Result start(List<String> command) throws IOException, InterruptedException {
        log.accept(String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        if (System.getenv("EVALGATE_JAVA") == null) {
            // suites start `command` workers with ${EVALGATE_JAVA:-java}; give them the same Java 21+
            builder.environment().put("EVALGATE_JAVA", java.toString());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        List<String> errLines = Collections.synchronizedList(new ArrayList<>());
        Thread errPump = new Thread(() -> pump(process.getErrorStream(), errLines, err), "evalgate-stderr");
        errPump.start();
        List<String> outLines = new ArrayList<>();
        try {
            pump(process.getInputStream(), outLines, out);
            int code = process.waitFor();
            errPump.join();
            return new Result(code, List.copyOf(outLines), List.copyOf(errLines));
        } finally {
            if (process.isAlive()) {
                // Maven was interrupted: do not leave the child running after the build
                process.destroy();
            }
        }
    }

    /** Where each child's command line is reported (the build log's debug level). */
    ForkedCli logCommandsTo(Consumer<String> log) {
        this.log = log;
        return this;
    }

    private static void pump(InputStream stream, List<String> lines, Consumer<String> log) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                log.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token in Java's argument-file syntax: in double quotes, with backslashes and quotes escaped. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
