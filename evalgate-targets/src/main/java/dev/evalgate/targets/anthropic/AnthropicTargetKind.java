package dev.evalgate.targets.anthropic;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.target.Target;
import dev.evalgate.target.TargetKind;
import dev.evalgate.target.TargetSpec;
import dev.evalgate.targets.internal.HttpSettings;
import dev.evalgate.targets.internal.HttpTransport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code anthropic} target kind: the Anthropic Messages API.
 *
 * <p>Options: {@code model} (required), {@code api_key} (required for api.anthropic.com), {@code base_url}
 * (default {@value #DEFAULT_BASE_URL}; a trailing {@code /v1} is accepted), {@code max_tokens} (default
 * {@value #DEFAULT_MAX_TOKENS}), {@code temperature}, {@code stream} (default false; true reads the answer as
 * server-sent events and records the time to first token), {@code headers}, {@code connect_timeout}.
 */
public final class AnthropicTargetKind implements TargetKind {

    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final int DEFAULT_MAX_TOKENS = 1024;
    static final String API_VERSION = "2023-06-01";

    @Override
    public String id() {
        return "anthropic";
    }

    @Override
    public Target create(TargetSpec spec) {
        Options options = spec.options();
        URI baseUrl = HttpSettings.baseUrl(options, "base_url", DEFAULT_BASE_URL);
        String model = options.requiredString("model", "the model name, e.g. model: claude-3-5-haiku-latest");
        Optional<ConfigNode.Scalar> apiKey = options.scalar("api_key");
        if (apiKey.isEmpty() && baseUrl.getHost().equalsIgnoreCase("api.anthropic.com")) {
            options.required("api_key", "write api_key: \"${ANTHROPIC_API_KEY}\" and export ANTHROPIC_API_KEY"); // throws: absent
        }
        int maxTokens = options.integer("max_tokens", 1, Integer.MAX_VALUE).orElse(DEFAULT_MAX_TOKENS);
        Optional<Double> temperature = options.number("temperature", 0, 1);
        boolean stream = options.bool("stream").orElse(false);
        HttpSettings settings = HttpSettings.read(options);

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("anthropic-version", API_VERSION);
        apiKey.ifPresent(key -> headers.put("x-api-key", key.value()));
        headers.putAll(settings.headers());

        String path = baseUrl.getPath().endsWith("/v1") ? "/messages" : "/v1/messages";
        HttpTransport transport = new HttpTransport(settings.connectTimeout(),
                settings.secretsWith(apiKey.map(ConfigNode.Scalar::value)));
        return new AnthropicTarget(URI.create(baseUrl + path), headers,
                new AnthropicTarget.Settings(model, maxTokens, temperature.orElse(null), stream), transport);
    }
}
