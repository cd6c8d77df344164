package dev.evalgate.maven;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The forked process's entry point: puts the project's test class path in a class loader of its own, makes it the
 * context class loader, then runs the evalgate CLI.
 *
 * <p>Only evalgate's own jars are on the JVM's class path, so a start-up cache (an AOT cache or class-data archive,
 * which the JDK cannot make while a class directory such as {@code target/classes} is on the class path) fits every
 * project that uses this plugin version. Suites find the project's classes as before: {@code java} targets, scorer
 * and target services and class-path datasets all look them up through the context class loader.
 *
 * <p>Arguments: the file listing the project's class path entries, one per line; then the CLI's arguments.
 */
public final class ForkMain {

    private ForkMain() {
    }

    public static void main(String[] args) throws Throwable {
        List<URL> urls = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                urls.add(Path.of(line).toUri().toURL());
            }
        }
        ClassLoader project = new URLClassLoader(urls.toArray(URL[]::new), ForkMain.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(project);
        try {
            Class.forName(ForkedCli.MAIN).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Writes {@code entries} in the format {@link #main} reads. */
    static void writeClassPath(Path file, List<String> entries) throws IOException {
        Files.write(file, entries, StandardCharsets.UTF_8);
    }
}
