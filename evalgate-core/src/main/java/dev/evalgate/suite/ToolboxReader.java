package dev.evalgate.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.score.JsonText;
import dev.evalgate.tools.Schemas;
import dev.evalgate.tools.ToolJson;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Toolbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code tools:} section (each tool's name, description and JSON Schema of its arguments) and the
 * {@code agent:} section ({@code max_steps}, {@code tool_choice}).
 */
public final class ToolboxReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> CHOICES = Set.of("auto", "required", "none");

    private ToolboxReader() {
    }

    /** The toolbox of a suite's {@code tools:} and {@code agent:} sections; either may be null. */
    public static Toolbox read(ConfigNode toolsNode, ConfigNode agentNode) {
        List<ToolSpec> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (toolsNode != null) {
            if (!(toolsNode instanceof ConfigNode.Sequence seq)) {
                throw toolsNode.error("must be a list of tools, e.g. '- name: lookup_order' with 'description:' and "
                        + "'parameters:' (the JSON Schema of its arguments)");
            }
            for (ConfigNode item : seq.items()) {
                ToolSpec tool = tool(item);
                if (!names.add(tool.name())) {
                    throw item.error("declares tool '" + tool.name() + "' a second time; give each tool once");
                }
                tools.add(tool);
            }
        }
        int maxSteps = Toolbox.DEFAULT_MAX_STEPS;
        String choice = null;
        if (agentNode != null) {
            Options o = Options.of(agentNode);
            maxSteps = o.integer("max_steps", 1, 1_000).orElse(Toolbox.DEFAULT_MAX_STEPS);
            choice = o.string("tool_choice").orElse(null);
            if (choice != null && !CHOICES.contains(choice)) {
                throw o.node("tool_choice").orElseThrow().error("is '" + choice + "'; use auto, required or none");
            }
            o.done();
        }
        return new Toolbox(tools, maxSteps, choice);
    }

    private static ToolSpec tool(ConfigNode item) {
        Options o = Options.of(item);
        String name = o.requiredString("name", "name the tool as the model will call it, e.g. 'name: lookup_order'");
        if (!NAME.matcher(name).matches()) {
            throw o.node("name").orElseThrow().error("is '" + name + "'; tool names use letters, digits, _ and -, "
                    + "at most 64 characters");
        }
        String description = o.string("description").orElse("");
        JsonNode parameters = o.node("parameters").map(JsonText::fromConfig)
                .orElseGet(() -> ToolJson.MAPPER.createObjectNode().put("type", "object"));
        if (!parameters.isObject()) {
            throw o.node("parameters").orElseThrow().error("must be a JSON Schema mapping, e.g. {type: object, "
                    + "properties: {order_id: {type: string}}, required: [order_id]}");
        }
        try {
            Schemas.compile(parameters);
        } catch (IllegalArgumentException e) {
            throw o.node("parameters").orElseThrow().error(e.getMessage());
        }
        o.done();
        return new ToolSpec(name, description, parameters);
    }
}
