package dev.evalgate.targets.internal;

import java.net.URI;

/** Helpers for aiming an HTTP target's rehearsal at a loopback stand-in instead of its real endpoint. */
public final class StandIns {

    private StandIns() {
    }

    /**
     * {@code uri} aimed at the stand-in: its scheme, host and port, then the stand-in's base path, then the original
     * path and query.
     */
    public static URI rebase(URI uri, URI standIn) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String base = standIn.getRawPath() == null ? "" : standIn.getRawPath().replaceAll("/+$", "");
        return URI.create(standIn.getScheme() + "://" + standIn.getRawAuthority() + base + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
