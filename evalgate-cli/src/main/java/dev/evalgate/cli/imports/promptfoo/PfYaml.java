package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.error.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a promptfoo YAML or JSON file into config nodes that keep each value's line, exactly as written: promptfoo
 * files are not evalgate suites, so no {@code ${VAR}} is replaced while reading them.
 */
final class PfYaml {

    private final String file;

    private PfYaml(String file) {
        this.file = file;
    }

    static ConfigNode read(Path path) {
        return parse(path.toString(), text(path));
    }

    static String text(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(path + ": file not found. Check the path (relative paths start at the "
                    + "promptfoo config's folder).");
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getMessage());
        }
    }

    static ConfigNode parse(String file, String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw ConfigException.at(file, line, "not valid YAML: " + e.getProblem()
                    + ". Check indentation and quoting on this line.");
        } catch (RuntimeException e) {
            throw ConfigException.at(file, 0, "not valid YAML: " + e.getMessage());
        }
        return root == null ? ConfigNode.Mapping.empty(file, 1, "") : new PfYaml(file).convert(root, "", 0);
    }

    private ConfigNode convert(Node node, String path, int depth) {
        int line = node.getStartMark().getLine() + 1;
        if (depth > 64) {
            throw ConfigException.at(file, line, "nested too deeply at '" + path + "' (an alias that contains itself?)");
        }
        return switch (node) {
            case ScalarNode scalar -> new ConfigNode.Scalar(file, line, path,
                    Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue(), false);
            case SequenceNode seq -> {
                List<ConfigNode> items = new ArrayList<>();
                for (int i = 0; i < seq.getValue().size(); i++) {
                    items.add(convert(seq.getValue().get(i), path + "[" + i + "]", depth + 1));
                }
                yield new ConfigNode.Sequence(file, line, path, items);
            }
            case MappingNode map -> {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                for (NodeTuple tuple : map.getValue()) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                        throw ConfigException.at(file, tuple.getKeyNode().getStartMark().getLine() + 1,
                                "a key must be a plain name, not a list or mapping");
                    }
                    String name = key.getValue();
                    entries.put(name, convert(tuple.getValueNode(), path.isEmpty() ? name : path + "." + name,
                            depth + 1));
                }
                yield new ConfigNode.Mapping(file, line, path, entries);
            }
            default -> throw ConfigException.at(file, line, "unsupported YAML node at '" + path + "'");
        };
    }

    /** The node as plain Java values (maps, lists, texts; YAML numbers and booleans as their own types). */
    static Object plain(ConfigNode node) {
        return switch (node) {
            case ConfigNode.Mapping m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> out.put(k, plain(v)));
                yield out;
            }
            case ConfigNode.Sequence s -> s.items().stream().map(PfYaml::plain).toList();
            case ConfigNode.Scalar s -> s.isNull() ? null : typed(s.value());
        };
    }

    private static Object typed(String value) {
        if (value.matches("-?\\d{1,18}")) {
            return Long.parseLong(value);
        }
        if (value.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) {
            return Double.parseDouble(value);
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> value;
        };
    }
}
