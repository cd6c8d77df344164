package dev.evalgate.target;

import dev.evalgate.config.Options;

import java.nio.file.Path;

/**
 * The configuration of one target as written in the suite: its id, its kind and its kind-specific options.
 *
 * @param baseDir the folder of the suite file; relative paths in options resolve against it
 */
public record TargetSpec(String id, String type, Options options, Path baseDir) {
}
