package dev.evalgate.cli;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import dev.evalgate.gate.GateConfig;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads only the {@code gate:} section of a suite file. Checking a stored run needs neither the dataset nor the
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
        Interpolator lenient = new Interpolator(name -> Objects.requireNonNullElse(System.getenv(name), ""));
        ConfigNode root = YamlTree.read(suiteFile, lenient);
        if (!(root instanceof ConfigNode.Mapping top)) {
            throw root.error("must be a suite: a mapping with suite, dataset, targets, scorers and gate");
        }
        ConfigNode node = top.entries().get("gate");
        GateConfig gate = node == null || (node instanceof ConfigNode.Scalar s && s.isNull()) ? GateConfig.NONE
                : GateConfig.parse(node);
        if (gate.isEmpty()) {
            throw new ConfigException(suiteFile + ": the suite has no 'gate:' section" + (node == null ? "" : " with"
                    + " limits") + "; add one, e.g.\n" + EXAMPLE);
        }
        return gate;
    }
}
