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
 * classes. Each call starts {@code java @argfile dev.evalgate.cli.Main <args>} and streams its output, line by
 * line, to the build log as it comes.
 *
 * <p>The class path goes into an argument file (Java's {@code @file} syntax) so a long one survives any operating
 * system's command-line limit.
 */
final class ForkedCli {

    static final String MAIN = "dev.evalgate.cli.Main";

    private final Path java;
    private final List<String> classPath;
    private final List<String> jvmArgs;
    private final Path workDir;
    private final Path argFile;
    private final Consumer<String> out;
    private final Consumer<String> err;

    /** What one command printed, and how it exited. */
    record Result(int exitCode, List<String> out, List<String> err) {
    }

    ForkedCli(Path java, List<String> classPath, List<String> jvmArgs, Path workDir, Path argFile,
              Consumer<String> out, Consumer<String> err) {
        this.java = java;
        this.classPath = List.copyOf(classPath);
        this.jvmArgs = List.copyOf(jvmArgs);
        this.workDir = workDir;
        this.argFile = argFile;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code evalgate <args>} to completion. */
    Result run(List<String> args) throws IOException, InterruptedException {
        Files.createDirectories(argFile.toAbsolutePath().getParent());
        Files.writeString(argFile, "-cp " + quoted(String.join(File.pathSeparator, classPath)) + "\n",
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.add("@" + argFile.toAbsolutePath());
        command.add(MAIN);
        command.addAll(args);
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
