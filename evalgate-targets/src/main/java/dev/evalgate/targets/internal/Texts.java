package dev.evalgate.targets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.json.SharedBuffers;

/** Small text helpers shared by the target kinds: the JSON mapper, shortening and one-line quoting. */
public final class Texts {

    /** One mapper for every target: thread-safe once configured, and costly to create per call. */
    public static final ObjectMapper JSON = SharedBuffers.mapper().build();

    private Texts() {
    }

    /** The first {@code max} characters of {@code text}, on one line, with an ellipsis if cut. */
    public static String head(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }

    /** A JSON value as the text a scorer sees: strings as they are, anything else as compact JSON. */
    public static String asText(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
