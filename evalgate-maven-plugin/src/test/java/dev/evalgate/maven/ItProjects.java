package dev.evalgate.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the ITs' projects come from, and the one local repository all their child builds share. */
final class ItProjects {

    private static Path repository;

    private ItProjects() {
    }

    /** The evalgate source tree (surefire passes evalgate.root; the module's parent otherwise). */
    static Path root() {
        return Path.of(System.getProperty("evalgate.root", "..")).toAbsolutePath().normalize();
    }

    static String version() {
        return System.getProperty("evalgate.version", "0.1.0-SNAPSHOT");
    }

    /** The local repository, built once per test JVM under target/. */
    static synchronized Path repository() throws IOException {
        if (repository == null) {
            String outer = System.getProperty("evalgate.localRepository");
            Path user = outer == null || outer.isBlank()
                    ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(outer);
            repository = ItRepository.build(root().resolve("evalgate-maven-plugin/target/it-repository"), root(),
                    version(), user);
        }
        return repository;
    }

    /** Copies a project folder to {@code into}, filling in {@code @evalgate.version@} in its pom.xml. */
    static Path copy(Path project, Path into) throws IOException {
        try (Stream<Path> paths = Files.walk(project)) {
            for (Path from : paths.toList()) {
                Path rel = project.relativize(from);
                if (rel.startsWith("target") || rel.startsWith(".evalgate")) {
                    continue;
                }
                Path to = into.resolve(rel.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path pom = into.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@evalgate.version@", version()));
        return into;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
