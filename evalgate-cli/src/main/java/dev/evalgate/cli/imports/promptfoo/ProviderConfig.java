package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Maps a provider's {@code config:} keys onto the options of the evalgate target kind it becomes. */
final class ProviderConfig {

    /** {@code json}, {@code json.a.b}, {@code json.items[0]}, {@code json['a']}: a path evalgate can follow. */
    private static final Pattern JSON_PATH = Pattern.compile(
            "json((\\.[A-Za-z_$][\\w$]*)|\\[\\d+]|\\['[^']*']|\\[\"[^\"]*\"])*");

    private final Findings findings;

    ProviderConfig(Findings findings) {
        this.findings = findings;
    }

    void openAi(ConfigNode.Mapping cfg, Map<String, Object> options) {
        boolean customBase = cfg != null && (has(cfg, "apiBaseUrl") || has(cfg, "apiHost"));
        Map<String, ConfigNode> keys = cfg == null ? Map.of() : cfg.entries();
        String key = "${OPENAI_API_KEY:-}";
        for (var e : keys.entrySet()) {
            ConfigNode v = e.getValue();
            switch (e.getKey()) {
                case "temperature" -> options.put("temperature", PfYaml.plain(v));
                case "max_tokens" -> options.put("max_tokens", PfYaml.plain(v));
                case "apiBaseUrl" -> options.put("base_url", Templates.envRefs(text(v)));
                case "apiHost" -> options.put("base_url", "https://" + Templates.envRefs(text(v)) + "/v1");
                case "organization" -> options.put("organization", text(v));
                case "headers" -> options.put("headers", headers(v));
                case "apiKey" -> key = Secrets.reference((ConfigNode.Scalar) v, "OPENAI_API_KEY", "config.apiKey",
                        findings);
                case "apiKeyEnvar" -> key = "${" + text(v) + "}";
                case "response_format" -> responseFormat(v, options);
                default -> findings.skip(v, "config." + e.getKey(), "evalgate's openai target has no such option");
            }
        }
        options.put("api_key", key);
        if (!customBase) {
            options.put("requires_env", java.util.List.of("OPENAI_API_KEY"));
        }
    }

    /**
     * An {@code ollama:chat:} provider as an {@code openai} target on Ollama's OpenAI-compatible endpoint, at
     * {@code OLLAMA_BASE_URL} as promptfoo reads it (default {@code http://localhost:11434}); no key is needed.
     */
    void ollama(ConfigNode.Mapping cfg, Map<String, Object> options) {
        for (var e : (cfg == null ? Map.<String, ConfigNode>of() : cfg.entries()).entrySet()) {
            ConfigNode v = e.getValue();
            switch (e.getKey()) {
                case "temperature" -> options.put("temperature", PfYaml.plain(v));
                case "num_predict" -> options.put("max_tokens", PfYaml.plain(v));
                default -> findings.skip(v, "config." + e.getKey(), "has no counterpart on Ollama's OpenAI-compatible "
                        + "endpoint, which evalgate calls");
            }
        }
        options.put("base_url", "${OLLAMA_BASE_URL:-http://localhost:11434}/v1");
    }

    void anthropic(ConfigNode.Mapping cfg, Map<String, Object> options) {
        String key = "${ANTHROPIC_API_KEY:-}";
        boolean customBase = false;
        for (var e : (cfg == null ? Map.<String, ConfigNode>of() : cfg.entries()).entrySet()) {
            ConfigNode v = e.getValue();
            switch (e.getKey()) {
                case "temperature" -> options.put("temperature", PfYaml.plain(v));
                case "max_tokens" -> options.put("max_tokens", PfYaml.plain(v));
                case "apiBaseUrl" -> {
                    options.put("base_url", Templates.envRefs(text(v)));
                    customBase = true;
                }
                case "headers" -> options.put("headers", headers(v));
                case "apiKey" -> key = Secrets.reference((ConfigNode.Scalar) v, "ANTHROPIC_API_KEY", "config.apiKey",
                        findings);
                default -> findings.skip(v, "config." + e.getKey(), "evalgate's anthropic target has no such option");
            }
        }
        options.put("api_key", key);
        if (!customBase) {
            options.put("requires_env", java.util.List.of("ANTHROPIC_API_KEY"));
        }
    }

    /** False when the service's answer cannot be located, so the provider is left out. */
    boolean http(ConfigNode.Scalar id, ConfigNode.Mapping cfg, Map<String, Object> options) {
        Map<String, ConfigNode> keys = cfg == null ? Map.of() : cfg.entries();
        String url = id.value().startsWith("http") && id.value().contains("://") ? id.value()
                : keys.containsKey("url") ? text(keys.get("url")) : null;
        if (url == null) {
            findings.skip(id, "provider " + id.value(), "has no 'config.url'");
            return false;
        }
        options.put("url", Templates.envRefs(Templates.normalized(url)));
        String output = "$";
        for (var e : keys.entrySet()) {
            ConfigNode v = e.getValue();
            switch (e.getKey()) {
                case "url" -> { }
                case "method" -> options.put("method", text(v));
                case "headers" -> options.put("headers", headers(v));
                case "body" -> options.put("body", body(v));
                case "transformResponse" -> {
                    String expr = text(v);
                    if (expr == null || !JSON_PATH.matcher(expr.strip()).matches()) {
                        findings.skip(v, "provider " + id.value(), "its transformResponse is code or a file, not a "
                                + "path into the JSON answer such as 'json.output'; evalgate's http target reads "
                                + "the answer by JSONPath only");
                        return false;
                    }
                    output = "$" + expr.strip().substring(4);
                }
                default -> findings.skip(v, "config." + e.getKey(), "evalgate's http target has no such option");
            }
        }
        options.put("output", output);
        return true;
    }

    private void responseFormat(ConfigNode v, Map<String, Object> options) {
        Object type = v instanceof ConfigNode.Mapping m && m.entries().get("type") != null
                ? PfYaml.plain(m.entries().get("type")) : null;
        if ("json_object".equals(type)) {
            options.put("response_format", "json");
        } else {
            findings.skip(v, "config.response_format", "only {type: json_object} maps (to response_format: json); "
                    + "a JSON schema response format has no counterpart");
        }
    }

    private Map<String, Object> headers(ConfigNode v) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof ConfigNode.Mapping m) {
            m.entries().forEach((name, value) -> {
                if (value instanceof ConfigNode.Scalar s && !s.isNull()) {
                    out.put(name, Secrets.isCredential(name)
                            ? Secrets.reference(s, Secrets.variableFor(name), "header " + name, findings)
                            : Templates.envRefs(s.value()));
                }
            });
        }
        return out;
    }

    /** The request body, its placeholders in evalgate's form; promptfoo's {@code {{prompt}}} is evalgate's too. */
    private Object body(ConfigNode v) {
        return switch (v) {
            case ConfigNode.Scalar s -> s.isNull() ? null : Templates.envRefs(Templates.normalized(s.value()));
            case ConfigNode.Sequence s -> s.items().stream().map(this::body).toList();
            case ConfigNode.Mapping m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.entries().forEach((k, item) -> {
                    if (item instanceof ConfigNode.Scalar sc && !sc.isNull() && Secrets.isCredential(k)) {
                        out.put(k, Secrets.reference(sc, Secrets.variableFor(k), "body " + k, findings));
                    } else {
                        out.put(k, item instanceof ConfigNode.Scalar sc && !sc.isNull() && !sc.value().contains("{{")
                                ? PfYaml.plain(sc) : body(item));
                    }
                });
                yield out;
            }
        };
    }

    private static boolean has(ConfigNode.Mapping m, String key) {
        return m.entries().containsKey(key);
    }

    private static String text(ConfigNode v) {
        return v instanceof ConfigNode.Scalar s ? s.value() : null;
    }
}
