package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.error.ConfigException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** The files a promptfoo {@code file://} reference names: one path, or a glob, relative to the config's folder. */
final class SourceFiles {

    private SourceFiles() {
    }

    /** The matching files in name order; a path or glob that matches nothing is a usage error at its line. */
    static List<Path> matching(Path baseDir, String pattern, ConfigNode where) {
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("{")) {
            Path file = baseDir.resolve(pattern).normalize();
            if (!Files.isRegularFile(file)) {
                throw ConfigException.at(where.file(), where.line(), "file://" + pattern + " names " + file
                        + ", which does not exist. Paths are relative to the promptfoo config's folder.");
            }
            return List.of(file);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace('\\', '/'));
        try (Stream<Path> walk = Files.walk(baseDir)) {
            List<Path> found = walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(Path.of(baseDir.relativize(p).toString().replace('\\', '/'))))
                    .sorted().toList();
            if (found.isEmpty()) {
                throw ConfigException.at(where.file(), where.line(), "file://" + pattern + " matches no file under "
                        + baseDir + ". Paths are relative to the promptfoo config's folder.");
            }
            return found;
        } catch (IOException e) {
            throw ConfigException.at(where.file(), where.line(), "cannot list " + baseDir + ": " + e.getMessage());
        }
    }
}
