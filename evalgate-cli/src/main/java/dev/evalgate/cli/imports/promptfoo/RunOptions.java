package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps promptfoo's {@code evaluateOptions} onto the suite's {@code run:} section. */
final class RunOptions {

    private RunOptions() {
    }

    static Map<String, Object> of(ConfigNode evaluateOptions, Findings findings) {
        Map<String, Object> run = new LinkedHashMap<>();
        if (!(evaluateOptions instanceof ConfigNode.Mapping m)) {
            return run;
        }
        m.entries().forEach((key, value) -> {
            switch (key) {
                case "maxConcurrency" -> run.put("concurrency", PfYaml.plain(value));
                case "repeat" -> run.put("repeat", PfYaml.plain(value));
                default -> findings.skip(value, "evaluateOptions." + key, "has no counterpart under evalgate's run:");
            }
        });
        return run;
    }
}
