package dev.evalgate.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 of a config tree's real values, secrets and environment values included: it tells two settings apart
 * where the masked form cannot, and a hash is all of a secret it keeps.
 */
public final class Fingerprint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fingerprint() {
    }

    /** {@code sha256:} and the hex digest of the tree written as JSON, with nothing masked. */
    public static String of(ConfigNode node) {
        try {
            byte[] text = JSON.writeValueAsBytes(plain(node));
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a config", e);
        }
    }

    private static JsonNode plain(ConfigNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (node) {
            case ConfigNode.Scalar s -> s.isNull() ? f.nullNode() : f.textNode(s.value());
            case ConfigNode.Sequence seq -> {
                ArrayNode array = f.arrayNode();
                seq.items().forEach(item -> array.add(plain(item)));
                yield array;
            }
            case ConfigNode.Mapping map -> {
                ObjectNode object = f.objectNode();
                map.entries().forEach((key, value) -> object.set(key, plain(value)));
                yield object;
            }
        };
    }
}
