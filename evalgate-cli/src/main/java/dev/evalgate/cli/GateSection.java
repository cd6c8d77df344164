package dev.evalgate.cli;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import dev.evalgate.gate.GateConfig;
import dev.evalgate.store.StoredRun;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads only the {@code gate:} section of a suite file, or of the suite snapshot a run was stored with. Checking a stored run needs neither the dataset nor the
 * targets, so neither is opened, and environment variables the targets use (API keys) need not be set in CI's
 * gate step: an unset variable reads as empty text, or as its {@code :-default}.
 */
final class GateSection {

    static final String EXAMPLE = """
            gate:
              absolute: { pass_rate: ">= 0.85", error_rate: "<= 0.05" }
              baseline: { pass_rate: { margin: 0.05 }, p95_latency_ms: { margin: "10%" } }""";

    private GateSection() {
    }

    static GateConfig read(Path suiteFile) {
        ConfigNode root = tree(suiteFile);
        GateConfig gate = GateConfig.ofSuite(root);
        if (gate.isEmpty()) {
            boolean present = root instanceof ConfigNode.Mapping top && top.entries().get("gate") != null;
            throw new ConfigException(suiteFile + ": the suite has no 'gate:' section" + (present ? " with limits" : "")
                    + "; add one, e.g.\n" + EXAMPLE);
        }
        return gate;
    }

    /**
     * The gate of the suite snapshot stored with {@code run}: what {@code check} applies when no suite file is given.
     */
    static GateConfig ofSnapshot(StoredRun run) {
        String snapshot = run.configSnapshot();
        if (snapshot == null || snapshot.isBlank()) {
            throw new ConfigException("run " + run.runId() + " was stored without its suite, so its gate is unknown;"
                    + " pass the suite file with --config <suite.yaml>");
        }
        // snapshot values are already interpolated: a ${...} left in one is text
        Interpolator literal = new Interpolator(name -> "${" + name + "}");
        String label = "run " + run.runId() + "'s stored suite snapshot";
        GateConfig gate = GateConfig.ofSuite(YamlTree.parse(label, snapshot, literal));
        if (gate.isEmpty()) {
            throw new ConfigException(label + " has no 'gate:' section with limits; add one to the suite file and"
                    + " pass it with --config <suite.yaml>, e.g.\n" + EXAMPLE);
        }
        return gate;
    }

    /** The {@code suite:} name of a suite file, or null when it has none. */
    static String suiteName(Path suiteFile) {
        return tree(suiteFile) instanceof ConfigNode.Mapping map && map.entries().get("suite") instanceof
                ConfigNode.Scalar s && !s.isNull() ? s.value() : null;
    }

    /** The suite file's config tree, read leniently: an unset variable is empty text. */
    static ConfigNode tree(Path suiteFile) {
        Interpolator lenient = new Interpolator(name -> Objects.requireNonNullElse(System.getenv(name), ""));
        return YamlTree.read(suiteFile, lenient);
    }
}
