package dev.evalgate.targets.wire;

import java.net.URI;
import java.util.Locale;

/** Where a connection goes: scheme, host and port; connections to one origin are pooled together. */
record Origin(boolean tls, String host, int port) {

    static Origin of(URI uri) {
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        return new Origin(tls, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    /** The host to resolve and connect to: an IPv6 literal without its brackets. */
    String address() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The Host header's value: the port only when it is not the scheme's default. */
    String authority() {
        return port == (tls ? 443 : 80) ? host : host + ":" + port;
    }
}
