package dev.evalgate.targets.http;

import com.samskivert.mustache.Template;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.target.Target;
import dev.evalgate.target.TargetKind;
import dev.evalgate.target.TargetSpec;
import dev.evalgate.targets.internal.HttpSettings;
import dev.evalgate.targets.internal.HttpTransport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code http} target kind: any JSON service, described by a request template and JSONPaths into the answer.
 *
 * <p>Options: {@code url} (required; may hold {@code {{var}}} placeholders, URL-encoded), {@code method}
 * (default POST), {@code headers}, {@code body} (a mapping sent as JSON, or a text template; JSON text gets its
 * values JSON-escaped, and {@code {{{var}}}} inserts a value unescaped), {@code output} (required JSONPath),
 * {@code input_tokens} and {@code output_tokens} (JSONPaths), {@code connect_timeout}. Placeholders: every
 * case field, {@code {{prompt}}} (the rendered user prompt, or the input) and {@code {{system}}}.
 */
public final class HttpTargetKind implements TargetKind {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Override
    public String id() {
        return "http";
    }

    @Override
    public Target create(TargetSpec spec) {
        Options options = spec.options();
        options.required("url", "the endpoint, e.g. url: \"http://localhost:8080/predict\""); // throws if absent
        ConfigNode.Scalar urlNode = options.scalar("url").orElseThrow();
        String method = method(options);
        HttpSettings settings = HttpSettings.read(options);
        Optional<ConfigNode> bodyNode = options.node("body");
        ResponseReader reader = ResponseReader.read(options);

        String rawUrl = urlNode.value().strip();
        if (!rawUrl.startsWith("http://") && !rawUrl.startsWith("https://")) {
            throw urlNode.error("must be an http or https URL such as http://localhost:8080/predict, but is '"
                    + urlNode.shown() + "'");
        }
        Template url = Templates.compile(urlNode, Templates.Escape.URL);

        Map<String, String> headers = new LinkedHashMap<>();
        BodyTemplate body = null;
        if (bodyNode.isPresent()) {
            if (method.equals("GET")) {
                throw bodyNode.get().error("is set, but GET requests carry no body; use method: POST, or remove 'body'");
            }
            body = BodyTemplate.of(bodyNode.get(), isJson(bodyNode.get(), settings.headers()));
            headers.put("Content-Type", body.contentType());
        }
        headers.put("Accept", "application/json");
        headers.putAll(settings.headers());
        HttpTransport transport = new HttpTransport(settings.connectTimeout(), settings.secretsWith(Optional.empty()));
        return new HttpTarget(method, url, headers, body, reader, transport);
    }

    private static String method(Options options) {
        Optional<ConfigNode.Scalar> node = options.scalar("method");
        String method = node.map(s -> s.value().strip().toUpperCase()).orElse("POST");
        if (!METHODS.contains(method)) {
            throw node.orElseThrow().error("must be one of GET, POST, PUT, PATCH, DELETE, but is '"
                    + node.get().shown() + "'");
        }
        return method;
    }

    /** A text body is JSON when a Content-Type header says so, or, without one, when it looks like JSON. */
    private static boolean isJson(ConfigNode body, Map<String, String> headers) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                return header.getValue().toLowerCase().contains("json");
            }
        }
        if (body instanceof ConfigNode.Scalar scalar && scalar.value() != null) {
            String text = scalar.value().strip();
            return text.startsWith("{") || text.startsWith("[");
        }
        return true;
    }
}
