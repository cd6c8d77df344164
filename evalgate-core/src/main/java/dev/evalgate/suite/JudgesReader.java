package dev.evalgate.suite;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.judge.Judges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the {@code judges:} section (judge id to a target definition of any kind, read exactly as under
 * {@code targets:}) and leaves out the judge scorers whose own {@code requires_env} is not met.
 */
final class JudgesReader {

    private final TargetsReader targets;
    private final Function<String, String> env;
    private final List<String> notes = new ArrayList<>();

    JudgesReader(TargetsReader targets, Function<String, String> env) {
        this.targets = targets;
        this.env = env;
    }

    /** The declared judges; a judge whose {@code requires_env} is not met is skipped, with the reason kept. */
    Judges read(ConfigNode node) {
        if (node == null) {
            return Judges.NONE;
        }
        if (!(node instanceof ConfigNode.Mapping map)) {
            throw node.error("must map each judge's id to its definition, e.g.\n  judges:\n    grader: { type: "
                    + "openai, model: gpt-4o-mini, api_key: \"${OPENAI_API_KEY}\" }");
        }
        List<TargetConfig> callable = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, ConfigNode> entry : map.entries().entrySet()) {
                ConfigNode item = withId(entry.getKey(), entry.getValue());
                String missing = TargetsReader.missingVariable(item, env);
                if (missing != null) {
                    skipped.put(entry.getKey(), missing + " is not set");
                    notes.add("judge " + entry.getKey() + " skipped: " + missing + " is not set (export " + missing
                            + "=... to include it)");
                    continue;
                }
                callable.add(targets.readOne(item));
            }
        } catch (RuntimeException e) {
            callable.forEach(t -> t.target().close());
            throw e;
        }
        return Judges.of(callable, skipped);
    }

    /** The {@code scorers:} items without the judge scorers whose {@code requires_env} is not met. */
    ConfigNode scorers(ConfigNode node) {
        if (!(node instanceof ConfigNode.Sequence seq)) {
            return node;
        }
        List<ConfigNode> kept = new ArrayList<>();
        for (ConfigNode item : seq.items()) {
            String missing = item instanceof ConfigNode.Mapping m && m.entries().size() == 1
                    && m.entries().get("judge") instanceof ConfigNode.Mapping options
                    ? TargetsReader.missingVariable(options, env) : null;
            if (missing == null) {
                kept.add(item);
            } else {
                notes.add("scorer judge at " + item.path() + " skipped: " + missing + " is not set (export "
                        + missing + "=... to include it)");
            }
        }
        return kept.size() == seq.items().size() ? node
                : new ConfigNode.Sequence(seq.file(), seq.line(), seq.path(), kept);
    }

    /** What the reader left out, one line each. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private static ConfigNode withId(String id, ConfigNode definition) {
        if (!(definition instanceof ConfigNode.Mapping map)) {
            throw definition.error("must be a target definition, e.g. '{ type: openai, model: gpt-4o-mini }'");
        }
        if (map.entries().containsKey("id")) {
            throw map.entries().get("id").error("is not needed: the judge's id is its key under 'judges:'");
        }
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        entries.put("id", new ConfigNode.Scalar(map.file(), map.line(), map.path() + ".id", id, false));
        entries.putAll(map.entries());
        return new ConfigNode.Mapping(map.file(), map.line(), map.path(), entries);
    }
}
