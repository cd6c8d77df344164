package dev.evalgate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.json.SharedBuffers;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A case written back as one JSON Lines record that the dataset reader turns into the same case.
 *
 * <p>Fields: {@code id}, {@code input} (the text, or the object for an object input), {@code expected} (a text,
 * a list of accepted texts, or the JSON value; left out when none), {@code tags} (metadata entries are among
 * them, as text), {@code cluster}, and every other template variable as a field of its own.
 */
final class CaseJson {

    /** Keeps decimals as written, like the dataset reader, so {@code 3.10} round-trips as {@code 3.10}. */
    static final ObjectMapper MAPPER = SharedBuffers.mapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private CaseJson() {
    }

    /** The case as one line of compact JSON, without the line break. */
    static String line(Case kase) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("id", kase.id());
        ObjectNode objectInput = objectInput(kase);
        if (objectInput != null) {
            out.set("input", objectInput);
        } else {
            out.put("input", kase.input());
        }
        switch (kase.expected()) {
            case Expected.None none -> { }
            case Expected.Text text -> out.put("expected", text.value());
            case Expected.AnyOf anyOf -> anyOf.values().forEach(out.withArray("expected")::add);
            case Expected.Json json -> out.set("expected", json.value());
        }
        if (!kase.tags().isEmpty()) {
            ObjectNode tags = out.putObject("tags");
            kase.tags().forEach(tags::put);
        }
        if (kase.cluster() != null) {
            out.put("cluster", kase.cluster());
        }
        Set<String> written = new HashSet<>(kase.tags().keySet());
        written.add("input");
        if (objectInput != null) {
            objectInput.fieldNames().forEachRemaining(written::add);
        }
        for (Map.Entry<String, Object> var : kase.vars().entrySet()) {
            if (!written.contains(var.getKey()) && !out.has(var.getKey())) {
                out.set(var.getKey(), MAPPER.valueToTree(var.getValue()));
            }
        }
        try {
            return MAPPER.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write case " + kase.id() + " as JSON", e);
        }
    }

    /**
     * The input object, or null for a text input. The reader keeps an object input only as its compact JSON plus
     * one variable per field, so an input is taken for an object when it parses as one and each field is a
     * variable of the case; a text input that merely looks like JSON has no such variables.
     */
    private static ObjectNode objectInput(Case kase) {
        String input = kase.input();
        if (!input.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(input);
            if (!(node instanceof ObjectNode object)) {
                return null;
            }
            var names = object.fieldNames();
            while (names.hasNext()) {
                if (!kase.vars().containsKey(names.next())) {
                    return null;
                }
            }
            return object;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
