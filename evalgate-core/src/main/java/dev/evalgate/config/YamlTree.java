package dev.evalgate.config;

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
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML into {@link ConfigNode}s that keep their line numbers, with {@code ${VAR}} interpolation applied.
 */
public final class YamlTree {

    private final String file;
    private final Interpolator interpolator;
    // the collections being converted, outer to inner: an alias to one of them would make the tree endless
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTree(String file, Interpolator interpolator) {
        this.file = file;
        this.interpolator = interpolator;
    }

    public static ConfigNode read(Path path, Interpolator interpolator) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(path + ": file not found. Check the path, or run 'evalgate init' to create a suite.");
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getMessage());
        }
        return parse(path.toString(), text, interpolator);
    }

    public static ConfigNode parse(String file, String text, Interpolator interpolator) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        Node root;
        try (Reader reader = new StringReader(text)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw ConfigException.at(file, line, "not valid YAML: " + e.getProblem()
                    + ". Check indentation and quoting on this line.");
        } catch (RuntimeException | IOException e) {
            throw ConfigException.at(file, 0, "not valid YAML: " + e.getMessage());
        }
        YamlTree tree = new YamlTree(file, interpolator);
        if (root == null) {
            return ConfigNode.Mapping.empty(file, 1, "");
        }
        return tree.convert(root, "");
    }

    private ConfigNode convert(Node node, String path) {
        int line = node.getStartMark().getLine() + 1;
        if (!open.add(node)) {
            throw ConfigException.at(file, line, "'" + (path.isEmpty() ? "the document" : path)
                    + "' is an alias of a list or mapping that contains it, so it never ends. An alias (*name) may"
                    + " repeat a node defined elsewhere, not one it is inside; write the values out instead.");
        }
        try {
            return convertOpen(node, path, line);
        } finally {
            open.remove(node);
        }
    }

    private ConfigNode convertOpen(Node node, String path, int line) {
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar, path, line);
            case SequenceNode seq -> {
                List<ConfigNode> items = new ArrayList<>();
                for (int i = 0; i < seq.getValue().size(); i++) {
                    items.add(convert(seq.getValue().get(i), path + "[" + i + "]"));
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
                    String childPath = path.isEmpty() ? name : path + "." + name;
                    if (entries.containsKey(name)) {
                        throw ConfigException.at(file, key.getStartMark().getLine() + 1,
                                "key '" + childPath + "' appears twice; keep one");
                    }
                    entries.put(name, convert(tuple.getValueNode(), childPath));
                }
                yield new ConfigNode.Mapping(file, line, path, entries);
            }
            default -> throw ConfigException.at(file, line, "unsupported YAML node at '" + path + "'");
        };
    }

    private ConfigNode scalar(ScalarNode scalar, String path, int line) {
        if (Tag.NULL.equals(scalar.getTag())) {
            return new ConfigNode.Scalar(file, line, path, null, false);
        }
        String raw = scalar.getValue();
        Interpolator.Result result = interpolator.apply(raw, file, line, path);
        return new ConfigNode.Scalar(file, line, path, result.value(), result.fromEnvironment());
    }
}
