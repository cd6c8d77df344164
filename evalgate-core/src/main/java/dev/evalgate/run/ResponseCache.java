package dev.evalgate.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;

import java.util.Optional;

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
        return CacheKey.of(targetIdentity, request);
    }

    /** Holder for the mapper the key is written with; sorted map keys keep the key stable. */
    final class Keys {
        static final ObjectMapper JSON = new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

        private Keys() {
        }
    }
}
