package dev.evalgate.cli;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.dataset.FieldNames;
import dev.evalgate.error.ConfigException;
import dev.evalgate.suite.DatasetRef;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a dataset file for the commands that read one directly ({@code split}, {@code export}): the
 * flags, else the mapping the suite gives the same file ({@code dataset: { path: ..., input: text }} or a
 * target's {@code train:}), else {@code input}, {@code expected} and {@code id}.
 */
final class DatasetColumns {

    @Option(names = "--input-col", paramLabel = "NAME",
            description = "The column (or key) holding each case's input; default: the suite's mapping, else input")
    String input;

    @Option(names = "--expected-col", paramLabel = "NAME",
            description = "The column (or key) holding the expected answer; default: the suite's, else expected")
    String expected;

    @Option(names = "--id-col", paramLabel = "NAME",
            description = "The column (or key) holding the case id; default: the suite's mapping, else id")
    String id;

    /** The names to read {@code data} with; {@code suiteFile} is null when there is no suite to consult. */
    FieldNames names(Path data, Path suiteFile) {
        FieldNames names = suiteFile == null ? FieldNames.DEFAULT
                : fromSuite(data, suiteFile).orElse(FieldNames.DEFAULT);
        try {
            names = input == null ? names : names.withInput(input.strip());
            names = expected == null ? names : names.withExpected(expected.strip());
            return id == null ? names : names.withId(id.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--input-col, --expected-col and --id-col: " + e.getMessage()
                    + ". Name the columns that hold the input, the expected answer and the id, each a different one.");
        }
    }

    /** The names the suite gives {@code data}, when its dataset or a target's training set is that file. */
    private static Optional<FieldNames> fromSuite(Path data, Path suiteFile) {
        // secrets are never needed here: an unset variable stays as written instead of failing
        Interpolator lenient = new Interpolator(name -> {
            String value = System.getenv(name);
            return value != null ? value : "${" + name + "}";
        });
        ConfigNode root = YamlTree.read(suiteFile, lenient);
        if (!(root instanceof ConfigNode.Mapping)) {
            return Optional.empty();
        }
        Options top = Options.of(root);
        List<ConfigNode> refs = new ArrayList<>();
        top.node("dataset").ifPresent(refs::add);
        for (ConfigNode target : top.node("targets").map(Options::items).orElse(List.of())) {
            if (target instanceof ConfigNode.Mapping) {
                Options.of(target).node("train").ifPresent(refs::add);
            }
        }
        Path suiteDir = suiteFile.toAbsolutePath().getParent();
        for (ConfigNode ref : refs) {
            if (names(ref, suiteDir, data)) {
                return Optional.of(DatasetRef.names(ref));
            }
        }
        return Optional.empty();
    }

    private static boolean names(ConfigNode ref, Path suiteDir, Path data) {
        ConfigNode path = ref instanceof ConfigNode.Mapping map ? map.entries().get("path") : ref;
        if (!(path instanceof ConfigNode.Scalar s) || s.isNull() || s.value().isBlank()) {
            return false;
        }
        Path file = suiteDir.resolve(s.value()).normalize();
        try {
            return Files.exists(file) && Files.isSameFile(file, data);
        } catch (IOException e) {
            return false;
        }
    }
}
