package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parts of a promptfoo config kept in their own YAML or JSON files: {@code providers: file://providers.yaml},
 * a provider entry {@code - file://provider.yaml}, {@code defaultTest: file://default.yaml}. Each reference is
 * replaced by the file's content, read with its own line numbers, so findings point into that file.
 */
final class ConfigRefs {

    private ConfigRefs() {
    }

    /** {@code node} with a {@code file://} YAML/JSON reference replaced by the file's content; else unchanged. */
    static ConfigNode resolve(Path baseDir, ConfigNode node) {
        if (!isRef(node)) {
            return node;
        }
        String path = ((ConfigNode.Scalar) node).value().trim().substring("file://".length());
        return PfYaml.read(SourceFiles.matching(baseDir, path, node).getFirst());
    }

    /**
     * A list whose entries may be references: each is read, and a file holding a list adds all its entries. A single
     * reference, or a single value, becomes a one-entry list first.
     */
    static ConfigNode resolveEach(Path baseDir, ConfigNode node) {
        ConfigNode top = resolve(baseDir, node);
        if (!(top instanceof ConfigNode.Sequence list)) {
            return top;
        }
        List<ConfigNode> items = new ArrayList<>();
        for (ConfigNode item : list.items()) {
            ConfigNode read = resolve(baseDir, item);
            if (read != item && read instanceof ConfigNode.Sequence inner) {
                items.addAll(inner.items());
            } else {
                items.add(read);
            }
        }
        return new ConfigNode.Sequence(list.file(), list.line(), list.path(), items);
    }

    /** Only YAML and JSON files are parts of the config; a script reference (file://x.py) is a provider itself. */
    private static boolean isRef(ConfigNode node) {
        if (!(node instanceof ConfigNode.Scalar s) || s.isNull() || !s.value().trim().startsWith("file://")) {
            return false;
        }
        String name = s.value().trim().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }
}
