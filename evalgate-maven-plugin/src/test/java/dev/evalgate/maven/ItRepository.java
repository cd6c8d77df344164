package dev.evalgate.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Maven local repository for the child builds of the ITs: this build's evalgate artifacts installed in the
 * repository layout, and every other artifact seen through symbolic links into the user's ~/.m2/repository.
 *
 * <p>The ITs run inside {@code mvn verify} of the reactor, before anything is installed, so the evalgate artifacts
 * come from the test class path: each module's {@code target/classes} (jarred here) or packaged jar, with the
 * module's pom.xml and the parent pom. The child builds then run offline with {@code -Dmaven.repo.local}, and
 * never see an evalgate jar another build installed into ~/.m2 meanwhile.
 */
final class ItRepository {

    static final String GROUP_PATH = "dev/evalgate";

    private ItRepository() {
    }

    /** Builds (or refreshes) the repository at {@code repo}; returns it. */
    static Path build(Path repo, Path projectRoot, String version, Path userRepository) throws IOException {
        Files.createDirectories(repo.resolve("dev"));
        deleteRecursively(repo.resolve(GROUP_PATH));
        linkAllBut(userRepository, repo, "dev");
        linkAllBut(userRepository.resolve("dev"), repo.resolve("dev"), "evalgate");
        install(repo, "evalgate-parent", version, projectRoot.resolve("pom.xml"), null);
        for (Built module : evalgateArtifacts(projectRoot, userRepository)) {
            install(repo, module.artifactId(), version, module.pom(), module.content());
        }
        return repo;
    }

    /** One evalgate artifact on the test class path: a module's classes folder or jar, and its pom. */
    record Built(String artifactId, Path content, Path pom) {
    }

    /**
     * The evalgate artifacts on this test's class path (surefire names the real class path in
     * {@code surefire.test.class.path}; {@code java.class.path} is only its booter jar): in a reactor build
     * {@code <root>/<module>/target/classes} or {@code target/<name>.jar}, with the module's pom.xml; when the
     * module is built alone, the jars installed in ~/.m2 with the pom beside them.
     */
    static List<Built> evalgateArtifacts(Path projectRoot, Path userRepository) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path root = projectRoot.toAbsolutePath().normalize();
        Path installed = userRepository.toAbsolutePath().normalize().resolve(GROUP_PATH);
        List<Built> found = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            Path parent = path.getParent();
            if (path.startsWith(root) && parent != null && parent.endsWith("target")
                    && (path.endsWith("classes") || entry.endsWith(".jar"))) {
                Path module = parent.getParent();
                if (Files.isRegularFile(module.resolve("pom.xml"))) {
                    found.add(new Built(module.getFileName().toString(), path, module.resolve("pom.xml")));
                }
            } else if (path.startsWith(installed) && entry.endsWith(".jar")) {
                String name = path.getFileName().toString();
                found.add(new Built(installed.relativize(path).getName(0).toString(), path,
                        parent.resolve(name.substring(0, name.length() - ".jar".length()) + ".pom")));
            }
        }
        return found;
    }

    private static void install(Path repo, String artifactId, String version, Path pom, Path built)
            throws IOException {
        Path dir = repo.resolve(GROUP_PATH).resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (built == null) {
            return;
        }
        Path jar = dir.resolve(artifactId + "-" + version + ".jar");
        if (Files.isDirectory(built)) {
            jar(built, jar);
        } else {
            Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Jars a classes folder; Maven only needs the entries, not a manifest. */
    static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.sorted().toList()) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
    }

    /** Links each child of {@code from} into {@code to}, except {@code except} and what is already there. */
    private static void linkAllBut(Path from, Path to, String except) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.toList()) {
                Path link = to.resolve(child.getFileName().toString());
                if (!child.getFileName().toString().equals(except) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, child);
                }
            }
        }
    }

    /** Deletes a real folder tree; symbolic links are removed, never followed. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
