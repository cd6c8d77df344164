package dev.evalgate.server;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The checks a request that writes passes after {@link AccessGuard}: it must come from the dashboard's own pages,
 * not from another site the user's browser happens to have open.
 *
 * <p>Three independent defences, each enough against a plain cross-site form or fetch:
 * <ul>
 *   <li>a browser's {@code Sec-Fetch-Site} must say {@code same-origin}, and an {@code Origin} must name this
 *       server (the {@code Host} it was addressed to) — another site's page cannot forge either;</li>
 *   <li>the header {@value #HEADER} must carry this server's write token, which only a reader of the JSON API gets,
 *       and another site cannot read that API (no CORS); a custom header also forces a CORS preflight the server
 *       never grants;</li>
 *   <li>the body must be {@code application/json}, a type an HTML form cannot send.</li>
 * </ul>
 * Clients outside a browser (curl, scripts) send neither {@code Origin} nor {@code Sec-Fetch-Site}; they still need
 * the token of the dashboard when one is set, and the write token.
 */
final class WriteGuard {

    static final String HEADER = "X-Evalgate-Write";

    private final String token;

    private WriteGuard(String token) {
        this.token = token;
    }

    /** A guard with a fresh random write token, valid while this server runs. */
    static WriteGuard random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new WriteGuard(HexFormat.of().formatHex(bytes));
    }

    /** The write token the labelling page sends back in {@value #HEADER}. */
    String token() {
        return token;
    }

    /** Returns when the request may write; otherwise throws the 403 or 415 that says what is wrong. */
    void check(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin")) {
            throw ApiError.forbidden("a write must come from the dashboard's own page; this request came from a "
                    + "page of another site (Sec-Fetch-Site: " + site + ")");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, ctx.header("Host"))) {
            throw ApiError.forbidden("a write must come from the dashboard's own page; Origin " + origin
                    + " is another site");
        }
        String sent = ctx.header(HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw ApiError.forbidden("a write needs the header " + HEADER + " with the write token the labelling "
                    + "API gives (GET /api/runs/{id}/labels answers it as \"writeToken\"); reload the page if the "
                    + "dashboard was restarted");
        }
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw ApiError.unsupportedMediaType("a write's body must be JSON sent as Content-Type: application/json"
                    + (type == null ? "" : ", not " + type));
        }
    }

    /** True when {@code origin} ({@code http://host:port}) names the server the request was addressed to. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String o = origin.strip().toLowerCase(Locale.ROOT);
        String authority = o.startsWith("http://") ? o.substring(7) : o.startsWith("https://") ? o.substring(8) : null;
        return authority != null && authority.equals(host.strip().toLowerCase(Locale.ROOT));
    }
}
