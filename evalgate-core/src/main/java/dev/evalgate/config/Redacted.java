package dev.evalgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A config tree as JSON with its secrets masked: values from the environment, values under keys whose name says
 * credential ({@code api_key}, {@code Authorization}, {@code Cookie}, {@code Ocp-Apim-Subscription-Key} …, see
 * {@link Credentials}), and any known secret value written elsewhere in the tree.
 *
 * <p>This is the only form of a config that may be printed, stored or put in a report.
 */
public final class Redacted {

    public static final String MASK = SecretValues.MASK;

    private Redacted() {
    }

    public static JsonNode of(ConfigNode node) {
        return of(node, SecretValues.none());
    }

    /** The tree with its own secrets masked, and {@code known} masked wherever it appears in other values. */
    public static JsonNode of(ConfigNode node, SecretValues known) {
        return convert(node, false, SecretValues.in(node).and(known));
    }

    /** Whether a value under this key is a credential; the same rule as {@link Credentials#isCredentialName}. */
    public static boolean isSecretKey(String key) {
        return Credentials.isCredentialName(key);
    }

    private static JsonNode convert(ConfigNode node, boolean secretContext, SecretValues secrets) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (node) {
            case ConfigNode.Scalar s -> s.isNull() ? f.nullNode()
                    : f.textNode(s.secret() || secretContext ? MASK : secrets.mask(s.value()));
            case ConfigNode.Sequence seq -> {
                ArrayNode array = f.arrayNode();
                seq.items().forEach(item -> array.add(convert(item, secretContext, secrets)));
                yield array;
            }
            case ConfigNode.Mapping map -> {
                ObjectNode object = f.objectNode();
                for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
                    object.set(e.getKey(), convert(e.getValue(),
                            secretContext || Credentials.isCredentialName(e.getKey()), secrets));
                }
                yield object;
            }
        };
    }
}
