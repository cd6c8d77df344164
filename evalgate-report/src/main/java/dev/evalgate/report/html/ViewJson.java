package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.stats.Interval;

/** The small vocabulary the view sections write JSON with: NaN and infinities become null, long text is cut. */
final class ViewJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Longest text kept per field of a failure or flip. Outputs can be pages long; the report is read by people,
     * and a few KB per field keeps a file of thousands of failures openable.
     */
    static final int MAX_TEXT = 4_000;

    private ViewJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Puts a number, or null when it is NaN or infinite (JSON has neither). */
    static ObjectNode number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
        return node;
    }

    static ObjectNode number(ObjectNode node, String key, Double value) {
        return number(node, key, value == null ? Double.NaN : value);
    }

    /** Puts {@code <prefix>Lo} and {@code <prefix>Hi}, null for the empty interval or an unbounded side. */
    static ObjectNode interval(ObjectNode node, String prefix, Interval interval) {
        Interval i = interval == null ? Interval.empty() : interval;
        number(node, prefix + "Lo", i.lower());
        return number(node, prefix + "Hi", i.upper());
    }

    /** Puts text cut to {@link #MAX_TEXT} characters with a visible mark, or null. */
    static ObjectNode text(ObjectNode node, String key, String text) {
        if (text == null) {
            node.putNull(key);
        } else if (text.length() > MAX_TEXT) {
            node.put(key, text.substring(0, MAX_TEXT) + " … [" + (text.length() - MAX_TEXT) + " more characters]");
        } else {
            node.put(key, text);
        }
        return node;
    }
}
