package dev.evalgate.target;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shape a caller needs the reply in: a named JSON schema that a target asks its provider to enforce when the
 * provider can (a strict {@code response_format} for OpenAI, a forced tool call for Anthropic). Targets that cannot
 * enforce it ignore it; the caller then checks the reply text itself.
 *
 * @param name   a short identifier the provider shows, letters, digits, '_' or '-'
 * @param schema a JSON schema of an object with every property required and no other property allowed
 */
public record ReplySchema(String name, String description, ObjectNode schema) {

    public ReplySchema {
        schema = schema.deepCopy();
    }

    /** The schema, as a copy the caller may change. */
    @Override
    public ObjectNode schema() {
        return schema.deepCopy();
    }
}
