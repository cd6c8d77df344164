package dev.evalgate.cli;

import dev.evalgate.suite.ToolboxReader;
import dev.evalgate.tools.Toolbox;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import dev.evalgate.prompt.PromptTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompt and variables an export renders each case with, read from a suite file without building its targets.
 *
 * <p>Only {@code prompt:}, {@code vars:} and the targets' {@code id}/{@code prompt} are read, so exporting needs
 * neither API keys nor worker programs. An environment variable that is not set stays as written,
 * {@code ${NAME}}, rather than failing: it is almost always a target's secret, which an export never uses.
 *
 * @param prompt the target's own prompt when one is named and has one, else the suite's; null when neither
 * @param tools  the suite's tools, offered in each example that calls them
 */
record ExportPrompt(PromptTemplate prompt, Map<String, Object> vars, Toolbox tools) {

    static ExportPrompt read(Path suiteFile, String targetId) {
        Interpolator lenient = new Interpolator(name -> {
            String value = System.getenv(name);
            return value != null ? value : "${" + name + "}";
        });
        ConfigNode root = YamlTree.read(suiteFile, lenient);
        Options top = Options.of(root);
        PromptTemplate prompt = top.node("prompt").map(ExportPrompt::template).orElse(null);
        if (targetId != null) {
            ConfigNode target = target(top, targetId, root);
            PromptTemplate own = Options.of(target).node("prompt").map(ExportPrompt::template).orElse(null);
            prompt = own != null ? own : prompt;
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        top.node("vars").ifPresent(node -> {
            if (!(node instanceof ConfigNode.Mapping map)) {
                throw node.error("must be a mapping of names to values, e.g. 'vars: { labels: \"billing, refund\" }'");
            }
            map.entries().forEach((k, v) -> vars.put(k, plain(v)));
        });
        Toolbox tools = ToolboxReader.read(top.node("tools").orElse(null), top.node("agent").orElse(null));
        return new ExportPrompt(prompt, vars, tools);
    }

    private static ConfigNode target(Options top, String id, ConfigNode root) {
        List<String> ids = new ArrayList<>();
        for (ConfigNode item : top.node("targets").map(Options::items).orElse(List.of())) {
            String itemId = Options.of(item).string("id").orElse(null);
            if (id.equals(itemId)) {
                return item;
            }
            ids.add(itemId);
        }
        throw ConfigException.at(root.file(), root.line(), "--target '" + id + "' is not a target of this suite; "
                + "its targets are " + ids + ". Pass one of them, or leave --target out to use the suite's prompt.");
    }

    /** A {@code prompt:} value: a text (the user message) or a mapping with {@code system} and {@code user}. */
    private static PromptTemplate template(ConfigNode node) {
        if (node instanceof ConfigNode.Scalar s) {
            return PromptTemplate.of(null, s.value(), node.path());
        }
        Options options = Options.of(node);
        String system = options.string("system").orElse(null);
        String user = options.requiredString("user", "the user message, e.g. 'user: \"Classify: {{input}}\"'");
        return PromptTemplate.of(system, user, node.path());
    }

    private static Object plain(ConfigNode node) {
        return switch (node) {
            case ConfigNode.Scalar s -> s.value() == null ? "" : s.value();
            case ConfigNode.Sequence seq -> seq.items().stream().map(ExportPrompt::plain).toList();
            case ConfigNode.Mapping map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.entries().forEach((k, v) -> out.put(k, plain(v)));
                yield out;
            }
        };
    }
}
