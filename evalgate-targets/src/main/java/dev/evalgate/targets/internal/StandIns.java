package dev.evalgate.targets.internal;

import java.net.URI;

/** Helpers for aiming an HTTP target's rehearsal at a loopback stand-in instead of its real endpoint. */
public final class StandIns {

    private StandIns() {
    }

    /** {@code uri} with its scheme, host and port replaced by the stand-in's; path and query are kept. */
    public static URI rebase(URI uri, URI standIn) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(standIn.getScheme() + "://" + standIn.getRawAuthority() + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
