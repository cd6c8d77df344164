package dev.evalgate.targets.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which HTTP proxy, if any, a request goes through: the JVM's proxy settings ({@code -Dhttps.proxyHost=...}) first,
 * else the environment's {@code HTTPS_PROXY}/{@code HTTP_PROXY} with {@code NO_PROXY}, as command-line tools read
 * them. Loopback hosts are always reached directly. Plain http is sent to the proxy with the whole URI; https goes
 * through a CONNECT tunnel, so the proxy never sees the request or its key.
 */
public final class Proxies {

    /** A proxy to use, with the Proxy-Authorization value built from credentials in its URL, if any. */
    public record Route(InetSocketAddress address, Optional<String> authorization) {
    }

    private final Map<String, String> environment;
    private final ProxySelector selector;
    private final ConcurrentHashMap<Origin, Optional<Route>> routes = new ConcurrentHashMap<>();

    Proxies(Map<String, String> environment, ProxySelector selector) {
        this.environment = environment;
        this.selector = selector;
    }

    /** The JVM's and this process's environment proxy settings. */
    public static Proxies fromSystem() {
        return new Proxies(System.getenv(), ProxySelector.getDefault());
    }

    /** Every host reached directly. */
    public static Proxies none() {
        return new Proxies(Map.of(), null);
    }

    /** A proxy setting that cannot be used; its message names the variable, never the value (it may hold a key). */
    public static final class SettingException extends IOException {
        public SettingException(String message) {
            super(message);
        }
    }

    Optional<Route> route(Origin origin) throws SettingException {
        Optional<Route> route = routes.get(origin);
        if (route == null) {
            route = find(origin);
            routes.putIfAbsent(origin, route);
        }
        return route;
    }

    private Optional<Route> find(Origin origin) throws SettingException {
        String host = origin.address();
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1")) {
            return Optional.empty();
        }
        String scheme = origin.tls() ? "https" : "http";
        if (selector != null) {
            List<Proxy> proxies = selector.select(URI.create(scheme + "://" + origin.authority() + "/"));
            for (Proxy proxy : proxies) {
                if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress address) {
                    return Optional.of(new Route(address, Optional.empty()));
                }
            }
        }
        Optional<Map.Entry<String, String>> found = origin.tls() ? variable("https_proxy")
                : variable("http_proxy", "all_proxy");
        String name = found.map(Map.Entry::getKey).orElse(null);
        String setting = found.map(Map.Entry::getValue).orElse(null);
        if (setting == null || bypassed(host)) {
            return Optional.empty();
        }
        if (setting.toLowerCase(Locale.ROOT).startsWith("socks")) {
            return Optional.empty(); // not spoken here (the README says so): the request goes directly
        }
        URI proxy;
        try {
            proxy = new URI(setting.contains("://") ? setting : "http://" + setting);
        } catch (URISyntaxException e) {
            proxy = null;
        }
        if (proxy == null || proxy.getHost() == null || !"http".equalsIgnoreCase(proxy.getScheme())) {
            throw new SettingException("the proxy setting " + name + " is not an HTTP proxy URL such as"
                    + " http://proxy.example:3128; fix it or unset it");
        }
        Optional<String> authorization = Optional.ofNullable(proxy.getRawUserInfo()).map(info -> "Basic "
                + Base64.getEncoder().encodeToString(java.net.URLDecoder.decode(info, StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_8)));
        return Optional.of(new Route(InetSocketAddress.createUnresolved(proxy.getHost(),
                proxy.getPort() < 0 ? 80 : proxy.getPort()), authorization));
    }

    private boolean bypassed(String host) {
        for (String entry : variable("no_proxy").map(Map.Entry::getValue).orElse("").split(",")) {
            String name = entry.strip().toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
            if (name.equals("*")) {
                return true;
            }
            name = name.startsWith(".") ? name.substring(1) : name;
            if (!name.isEmpty() && (host.equals(name) || host.endsWith("." + name))) {
                return true;
            }
        }
        return false;
    }

    /** The first of these variables that is set (each read in lower, then upper case), with the name it had. */
    private Optional<Map.Entry<String, String>> variable(String... names) {
        for (String name : names) {
            for (String form : List.of(name, name.toUpperCase(Locale.ROOT))) {
                String value = environment.get(form);
                if (value != null && !value.isBlank()) {
                    return Optional.of(Map.entry(form, value.strip()));
                }
            }
        }
        return Optional.empty();
    }

    /** Asks the proxy on {@code connection} for a tunnel to the connection's origin. */
    static Http1Connection tunnel(Http1Connection connection, Route route) throws IOException {
        String authority = connection.origin().address().contains(":")
                ? "[" + connection.origin().address() + "]:" + connection.origin().port()
                : connection.origin().address() + ":" + connection.origin().port();
        StringBuilder request = new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ")
                .append(authority).append("\r\n");
        route.authorization().ifPresent(value -> request.append("Proxy-Authorization: ").append(value).append("\r\n"));
        request.append("\r\n");
        try {
            connection.write(List.of(request.toString().getBytes(StandardCharsets.ISO_8859_1)));
            ResponseHead head = ResponseHead.read(connection);
            if (head.status() / 100 != 2) {
                throw new IOException("the proxy at " + route.address().getHostString() + ":" + route.address().getPort()
                        + " refused a tunnel to " + authority + " with HTTP " + head.status()
                        + (head.status() == 407 ? " (it wants credentials: put them in the proxy URL)" : ""));
            }
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
