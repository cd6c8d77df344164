package dev.evalgate.targets.wire;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One HTTP request as a target sends it: method, absolute http(s) URI, headers and an optional body.
 *
 * <p>Header names and values are checked here, before anything is sent: a value with a line break would let a
 * configured header (or a case's text rendered into one) write headers of its own, and the framing headers are the
 * client's to set.
 *
 * @param body null for a request without a body
 */
public record WireRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    /** Headers the client writes itself; a configured one would contradict the request's framing. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "transfer-encoding",
            "expect", "upgrade", "te", "keep-alive");

    public WireRequest {
        if (method == null || !token(method)) {
            throw new IllegalArgumentException("invalid method \"" + method + "\"");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http or https URL: " + uri);
        }
        headers.forEach((name, value) -> problem(name, value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        }));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * What is wrong with a header for HTTP/1.1, if anything: a name that is not a token, a header the client writes
     * itself, a value with a line break or control character (it could start a header of its own).
     */
    public static Optional<String> problem(String name, String value) {
        if (!token(name)) {
            return Optional.of("invalid header name \"" + name + "\"");
        }
        if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("restricted header name: \"" + name + "\" (the client sets it itself)");
        }
        if (!fieldValue(value)) {
            return Optional.of("invalid value for header \"" + name
                    + "\": line breaks and control characters are not allowed");
        }
        return Optional.empty();
    }

    /** A POST of {@code json} (UTF-8) with the given headers. */
    public static WireRequest post(URI uri, Map<String, String> headers, String json) {
        return new WireRequest("POST", uri, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request carries {@code name}, in any case. */
    boolean has(String name) {
        for (String n : headers.keySet()) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The same request to {@code target}, as a redirect asks; a 303, or a 301/302 after a POST, becomes a GET. */
    WireRequest redirectedTo(URI target, int status) {
        boolean toGet = status == 303 && !method.equals("HEAD")
                || (status == 301 || status == 302) && method.equals("POST");
        return toGet ? new WireRequest("GET", target, headers, null) : new WireRequest(method, target, headers, body);
    }

    private static boolean token(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Visible Latin-1 characters, spaces and tabs: no line break, so a value cannot start a header of its own. */
    private static boolean fieldValue(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7f || c > 0xff)) {
                return false;
            }
        }
        return true;
    }
}
