package dev.evalgate.targets.internal;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Credentials;
import dev.evalgate.config.Options;
import dev.evalgate.config.SecretValues;
import dev.evalgate.targets.wire.WireRequest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options every HTTP-based kind shares: extra {@code headers} and {@code connect_timeout}, plus the secrets
 * found among them.
 *
 * @param headers sent with every request, after the kind's own, so the user can override any of them
 */
public record HttpSettings(Map<String, String> headers, Duration connectTimeout, List<String> secrets) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public HttpSettings {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        secrets = List.copyOf(secrets);
    }

    /**
     * Reads {@code headers} and {@code connect_timeout}. Header values that came from the environment or whose
     * name says credential (the rule every config key follows, see {@link Credentials}) are treated as secrets.
     */
    public static HttpSettings read(Options options) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        options.stringMap("headers").forEach((name, value) -> {
            if (value.isNull()) {
                throw value.error("has no value; give the header a value or remove it");
            }
            // refused here, naming the line, rather than by every call of the run
            WireRequest.problem(name, value.value()).ifPresent(problem -> {
                throw value.error(problem); // names the header, never its value (it may be a key)
            });
            headers.put(name, value.value());
            if (value.secret() || Credentials.isCredentialName(name)) {
                // "Bearer sk-..." leaks the key even if the scheme word stays; the token alone is a secret too.
                secrets.addAll(SecretValues.credential(value.value()));
            }
        });
        Duration connectTimeout = options.duration("connect_timeout").orElse(DEFAULT_CONNECT_TIMEOUT);
        if (connectTimeout.isZero()) {
            throw options.node("connect_timeout").orElseThrow().error("must be longer than 0, such as 10s");
        }
        return new HttpSettings(headers, connectTimeout, secrets);
    }

    /** These settings' secrets plus {@code more}, for a transport. */
    public Secrets secretsWith(Optional<String> more) {
        List<String> all = new ArrayList<>(secrets);
        more.ifPresent(all::add);
        return Secrets.of(all);
    }

    /**
     * Reads an absolute http(s) URL option, or {@code fallback} when absent; trailing slashes are dropped so
     * paths can be appended.
     */
    public static URI baseUrl(Options options, String key, String fallback) {
        Optional<ConfigNode.Scalar> node = options.scalar(key);
        String value = node.map(ConfigNode.Scalar::value).orElse(fallback).strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        try {
            URI uri = new URI(value);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            String shown = node.map(ConfigNode.Scalar::shown).orElse(value);
            String message = "must be an http or https URL such as " + fallback + ", but is '" + shown + "'";
            throw node.<RuntimeException>map(n -> n.error(message))
                    .orElseGet(() -> new IllegalStateException(message));
        }
    }
}
