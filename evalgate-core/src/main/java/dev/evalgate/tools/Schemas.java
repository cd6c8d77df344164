package dev.evalgate.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** JSON Schemas of tool arguments, compiled once each and validated offline. */
public final class Schemas {

    private static final Map<JsonNode, Schema> COMPILED = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** Compiles {@code schema}; throws IllegalArgumentException naming why it cannot be used. */
    public static Schema compile(JsonNode schema) {
        return COMPILED.computeIfAbsent(schema, s -> {
            try {
                Schema compiled = Registry.INSTANCE.getSchema(s);
                compiled.initializeValidators();
                return compiled;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("is not a usable JSON Schema: " + e.getMessage(), e);
            }
        });
    }

    /** The first violation of {@code value} against {@code schema} as {@code /amount: must be ...}, or null. */
    public static String firstViolation(JsonNode schema, JsonNode value) {
        List<Error> errors = compile(schema).validate(value);
        if (errors.isEmpty()) {
            return null;
        }
        Error e = errors.getFirst();
        String at = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        return (at.isEmpty() ? "" : at + ": ") + e.getMessage();
    }

    /** Built on first use, so suites without tools never load the validator. */
    private static final class Registry {
        static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    }
}
