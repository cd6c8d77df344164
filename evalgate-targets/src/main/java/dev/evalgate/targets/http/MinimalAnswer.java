package dev.evalgate.targets.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.targets.internal.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The smallest JSON document with a value at each of a few JSONPaths: what the loopback stand-in answers an
 * {@code http} target's rehearsal with, so its reader finds an output as it will in the measured run.
 *
 * <p>Plain paths only ({@code $.a.b}, {@code $['a'][0]}, {@code $..a}, {@code [*]}); a filter or slice leaves the
 * document without that value, and the rehearsal call then fails like a bad answer would, which still warms the
 * client.
 */
final class MinimalAnswer {

    private static final Pattern STEP = Pattern.compile(
            "\\.\\.?([A-Za-z_][\\w-]*)|\\['([^']*)'\\]|\\[\"([^\"]*)\"\\]|\\[(\\d+)\\]|\\[\\*\\]|\\.\\*");

    private final ObjectNode root = Texts.JSON.createObjectNode();
    private JsonNode whole;

    /** Puts {@code value} at {@code path}; false when the path is not a plain one. */
    boolean put(String path, JsonNode value) {
        List<Object> steps = steps(path.strip());
        if (steps == null) {
            return false;
        }
        if (steps.isEmpty()) {
            whole = value;
            return true;
        }
        if (!(steps.getFirst() instanceof String)) {
            return false;
        }
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            JsonNode child = last ? value : steps.get(i + 1) instanceof Integer
                    ? Texts.JSON.createArrayNode() : Texts.JSON.createObjectNode();
            if (node instanceof ObjectNode object && step instanceof String field) {
                JsonNode existing = object.get(field);
                if (!last && existing != null && existing.getNodeType() == child.getNodeType()) {
                    child = existing;
                } else {
                    object.set(field, child);
                }
            } else if (node instanceof ArrayNode array && step instanceof Integer index) {
                while (array.size() <= index) {
                    array.addNull();
                }
                JsonNode existing = array.get(index);
                if (!last && existing != null && existing.getNodeType() == child.getNodeType()) {
                    child = existing;
                } else {
                    array.set(index, child);
                }
            } else {
                return false;
            }
            node = child;
        }
        return true;
    }

    String json() {
        return (whole != null ? whole : root).toString();
    }

    /** The steps of a plain path: field names and array indexes; null for anything else. */
    private static List<Object> steps(String path) {
        if (!path.startsWith("$")) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            String field = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (field != null) {
                steps.add(field);
            } else {
                steps.add(m.group(4) != null ? Integer.parseInt(m.group(4)) : 0);
            }
            at = m.end();
        }
        return steps;
    }
}
