package dev.evalgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A config tree as JSON with its secrets masked: values from the environment, and values under keys whose name
 * says secret ({@code api_key}, {@code token}, {@code password}, {@code authorization} …).
 *
 * <p>This is the only form of a config that may be printed, stored or put in a report.
 */
public final class Redacted {

    public static final String MASK = "***";
    // "token" only at the end, so access_token is masked but max_tokens, a setting runs are compared on, is not.
    private static final Pattern SECRET_KEY =
            Pattern.compile(".*(api[_-]?key|secret|password|authorization|credential).*|.*token");

    private Redacted() {
    }

    public static JsonNode of(ConfigNode node) {
        return convert(node, false);
    }

    public static boolean isSecretKey(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    private static JsonNode convert(ConfigNode node, boolean secretContext) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (node) {
            case ConfigNode.Scalar s -> s.isNull() ? f.nullNode()
                    : f.textNode(s.secret() || secretContext ? MASK : s.value());
            case ConfigNode.Sequence seq -> {
                ArrayNode array = f.arrayNode();
                seq.items().forEach(item -> array.add(convert(item, secretContext)));
                yield array;
            }
            case ConfigNode.Mapping map -> {
                ObjectNode object = f.objectNode();
                for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
                    object.set(e.getKey(), convert(e.getValue(), secretContext || isSecretKey(e.getKey())));
                }
                yield object;
            }
        };
    }
}
