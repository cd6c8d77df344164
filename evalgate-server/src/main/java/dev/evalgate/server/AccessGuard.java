package dev.evalgate.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The check every request passes before a handler runs: the token when one is set, and on a loopback-only
 * dashboard a loopback {@code Host} header.
 *
 * <p>The host check stops DNS rebinding: a web page on another site that points its own name at 127.0.0.1 could
 * otherwise read the dashboard from the user's browser. With a token, the token does that job.
 *
 * <p>A token arrives as {@code Authorization: Bearer <token>}, or once as {@code ?token=<token>}, which sets an
 * HttpOnly cookie and redirects to the same address without it, so the token leaves the address bar and history.
 * The cookie holds a digest of the token, not the token. Comparisons take the same time whatever the input.
 */
final class AccessGuard {

    static final String COOKIE = "evalgate_session";
    static final String QUERY = "token";

    private final byte[] expected;
    private final String session;

    private AccessGuard(String token) {
        this.expected = token == null ? null : sha256("token:" + token);
        this.session = token == null ? null : HexFormat.of().formatHex(sha256("evalgate-session:" + token));
    }

    static AccessGuard of(ServerOptions options) {
        return new AccessGuard(options.token());
    }

    /** Lets the request through, or answers it (401, 403, or the redirect after {@code ?token=}) and stops it. */
    void check(Context ctx) {
        if (expected == null) {
            if (!ServerOptions.isLoopback(hostName(ctx.header("Host")))) {
                deny(ctx, HttpStatus.FORBIDDEN, "this dashboard answers only requests addressed to this machine "
                        + "(Host 127.0.0.1 or localhost)");
            }
            return;
        }
        String query = ctx.queryParam(QUERY);
        if (query != null) {
            if (!matches(query)) {
                deny(ctx, HttpStatus.UNAUTHORIZED, "the token in ?token= is wrong");
                return;
            }
            // Lax, not Strict: a link to ?token= pasted in chat is a cross-site navigation, and Strict would keep
            // the cookie off the redirect that follows. Lax sends the cookie on another site's top-level GET
            // only, and every GET is read-only. The one write, the labelling POST, gets no cookie from another
            // site under Lax, and even with it would fail WriteGuard: it needs the write token that only a
            // same-origin reader of the API gets, a same-site Origin and Sec-Fetch-Site, and a JSON body.
            Cookie cookie = new Cookie(COOKIE, session, "/");
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.LAX);
            ctx.cookie(cookie);
            ctx.redirect(withoutToken(ctx.path(), ctx.queryString()), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        String authorization = ctx.header("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && matches(authorization.substring(7).strip());
        String cookie = ctx.cookie(COOKIE);
        boolean session = cookie != null && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), this.session.getBytes(StandardCharsets.UTF_8));
        if (!bearer && !session) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"evalgate\"");
            deny(ctx, HttpStatus.UNAUTHORIZED, "this dashboard needs its token: open it once with ?token=<token> "
                    + "or send the header Authorization: Bearer <token>");
        }
    }

    // Digests first, so the comparison neither stops at the first difference nor reveals the token's length.
    private boolean matches(String candidate) {
        return MessageDigest.isEqual(expected, sha256("token:" + candidate));
    }

    private static void deny(Context ctx, HttpStatus status, String message) {
        Responses.error(ctx, status, message);
        ctx.skipRemainingHandlers();
    }

    /** The same address without the token parameter; always a path on this server, never another site. */
    static String withoutToken(String path, String query) {
        String local = path == null || !path.startsWith("/") || path.startsWith("//") ? "/" : path;
        if (query == null || query.isEmpty()) {
            return local;
        }
        StringBuilder kept = new StringBuilder();
        for (String part : query.split("&")) {
            if (!part.isEmpty() && !part.equals(QUERY) && !part.startsWith(QUERY + "=")) {
                kept.append(kept.isEmpty() ? "?" : "&").append(part);
            }
        }
        return local + kept;
    }

    /** The host part of a Host header: without the port, IPv6 brackets kept for {@link ServerOptions#isLoopback}. */
    static String hostName(String header) {
        if (header == null || header.isBlank()) {
            return "";
        }
        String h = header.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
