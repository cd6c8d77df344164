package dev.evalgate.tools;

import java.util.List;
import java.util.Optional;

/**
 * A suite's tools and the rules of its agent loop, from its {@code tools:} and {@code agent:} sections.
 *
 * @param maxSteps   the most model calls one conversation may take; reaching it with the model still calling
 *                   tools fails the case
 * @param toolChoice sent as {@code tool_choice}; null leaves it out
 */
public record Toolbox(List<ToolSpec> tools, int maxSteps, String toolChoice) {

    public static final int DEFAULT_MAX_STEPS = 10;
    public static final Toolbox NONE = new Toolbox(List.of(), DEFAULT_MAX_STEPS, null);

    public Toolbox {
        tools = List.copyOf(tools);
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, got " + maxSteps);
        }
    }

    public boolean isEmpty() {
        return tools.isEmpty();
    }

    public Optional<ToolSpec> tool(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
