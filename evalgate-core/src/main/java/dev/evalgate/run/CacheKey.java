package dev.evalgate.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.target.Request;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The response cache's key of one request: the SHA-256 of a JSON object of the target's identity, the rendered
 * prompt, the case's variables (map keys sorted) and the repeat index, plus the conversation so far for a
 * conversation's calls.
 *
 * <p>The JSON is written straight into the digest, field by field, with the same writer and encoding earlier versions
 * used through a JSON tree and a string ({@link #throughString}), so stored keys still match; a key is computed for
 * every call, and the tree and the string were most of its cost.
 */
final class CacheKey {

    private CacheKey() {
    }

    static String of(String targetIdentity, Request request) {
        try {
            return streamed(targetIdentity, request);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compute a cache key", e);
        }
    }

    private static String streamed(String targetIdentity, Request request) throws IOException {
        MessageDigest digest = sha256();
        ObjectMapper mapper = ResponseCache.Keys.JSON;
        // the same character writer as writeValueAsString, encoded as String.getBytes does (a lone surrogate as '?')
        Writer utf8 = new OutputStreamWriter(new DigestOutputStream(OutputStream.nullOutputStream(), digest),
                StandardCharsets.UTF_8);
        try (JsonGenerator json = mapper.createGenerator(utf8)) {
            json.writeStartObject();
            json.writeStringField("target", targetIdentity);
            json.writeStringField("system", request.systemText());
            json.writeStringField("user", request.userText());
            json.writeFieldName("vars");
            mapper.writeValue(json, new TreeMap<>(request.kase().vars()));
            json.writeNumberField("repeat", request.repeat());
            if (request.conversation() != null) {
                // only conversations add this, so the keys of single calls stay what earlier versions stored
                json.writeFieldName("conversation");
                mapper.writeValue(json, request.conversation());
            }
            json.writeEndObject();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The key as earlier versions computed it: a JSON tree, written as a string, hashed as UTF-8. */
    static String throughString(String targetIdentity, Request request) {
        ObjectMapper mapper = ResponseCache.Keys.JSON;
        ObjectNode node = mapper.createObjectNode();
        node.put("target", targetIdentity);
        node.put("system", request.systemText());
        node.put("user", request.userText());
        node.set("vars", mapper.valueToTree(new TreeMap<>(request.kase().vars())));
        node.put("repeat", request.repeat());
        if (request.conversation() != null) {
            node.set("conversation", mapper.valueToTree(request.conversation()));
        }
        try {
            return HexFormat.of().formatHex(sha256().digest(mapper.writeValueAsString(node)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot compute a cache key", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute a cache key", e);
        }
    }
}
