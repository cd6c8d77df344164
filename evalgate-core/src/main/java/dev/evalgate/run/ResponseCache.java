package dev.evalgate.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.json.SharedBuffers;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Replies kept from earlier live calls, so re-running a suite does not pay for answers it already has.
 *
 * <p>The key is the target's cache identity (a hash of its real settings) plus the fully rendered request and the
 * repeat index, so K repeats stay K real calls and any change to the prompt, the case or the target's settings
 * misses the cache. Only answers are kept, never errors.
 */
public interface ResponseCache {

    /** A cache that keeps nothing. */
    ResponseCache NONE = new ResponseCache() {
        @Override
        public Optional<Reply> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, Reply reply) {
        }
    };

    /**
     * A cache that answers nothing but keeps every live answer in {@code cache}, replacing the one stored under the
     * same key: {@code run --no-cache} calls every target and leaves the fresh answers for the next cached run.
     */
    static ResponseCache refreshing(ResponseCache cache) {
        return new ResponseCache() {
            @Override
            public Optional<Reply> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, Reply reply) {
                cache.put(key, reply);
            }
        };
    }

    Optional<Reply> get(String key);

    /** Keeps {@code reply} under {@code key}, replacing any reply kept there before. */
    void put(String key, Reply reply);

    /** The SHA-256 of the target's identity, the rendered prompt, the case's variables and the repeat index. */
    static String key(String targetIdentity, Request request) {
        ObjectNode node = Keys.JSON.createObjectNode();
        node.put("target", targetIdentity);
        node.put("system", request.systemText());
        node.put("user", request.userText());
        node.set("vars", Keys.JSON.valueToTree(new TreeMap<>(request.kase().vars())));
        node.put("repeat", request.repeat());
        if (request.conversation() != null) {
            // only conversations add these, so the keys of single calls stay what earlier versions stored
            node.set("conversation", Keys.JSON.valueToTree(request.conversation()));
        }
        try {
            return HexFormat.of().formatHex(Keys.sha256().digest(Keys.JSON.writeValueAsString(node)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot compute a cache key", e);
        }
    }

    /** Holder for the mapper the key is written with; sorted map keys keep the key stable. */
    final class Keys {
        static final ObjectMapper JSON = SharedBuffers.mapper().build()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

        /** Cloned per key: looking the algorithm up among the security providers cost more than hashing. */
        private static final MessageDigest SHA_256 = sha256Prototype();

        private Keys() {
        }

        static MessageDigest sha256() {
            try {
                return (MessageDigest) SHA_256.clone();
            } catch (CloneNotSupportedException e) {
                return sha256Prototype();
            }
        }

        private static MessageDigest sha256Prototype() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java runtime has no SHA-256", e);
            }
        }
    }
}
