package dev.evalgate.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.Optional;

/**
 * One call of a tool the model asked for.
 *
 * @param id        the model's id for the call, echoed with its result; never null (the runner numbers calls that
 *                  came without one)
 * @param arguments the arguments exactly as the model wrote them, which may not be valid JSON
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
    }

    /** The arguments as a JSON object, or empty when they are not JSON or not an object. */
    public Optional<JsonNode> parsed() {
        try {
            JsonNode node = ToolJson.MAPPER.readTree(arguments);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The call as a user would write it: {@code lookup_order({"order_id":"A-1"})}. */
    public String shown() {
        return name + "(" + parsed().map(JsonNode::toString).orElse(arguments) + ")";
    }
}
