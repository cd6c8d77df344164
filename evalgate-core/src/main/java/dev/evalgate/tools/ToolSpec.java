package dev.evalgate.tools;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * One tool a suite offers the model: its name, what it does, and the JSON Schema of its arguments.
 *
 * @param parameters a JSON Schema object; {@code {"type": "object"}} when the suite gives none
 */
public record ToolSpec(String name, String description, JsonNode parameters) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(parameters, "parameters");
    }
}
