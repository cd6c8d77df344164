package dev.evalgate.browser;

import java.net.URI;

/** The origin ({@code scheme://host:port}) of an address, the unit a browser page may be confined to. */
final class Origins {

    private Origins() {
    }

    static String of(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
