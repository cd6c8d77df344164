package dev.evalgate.targets.openai;

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
 * The {@code openai} target kind: any OpenAI-compatible chat completions endpoint (OpenAI, Azure, vLLM, Ollama,
 * llama.cpp, LM Studio).
 *
 * <p>Options: {@code model} (required), {@code base_url} (default {@value #DEFAULT_BASE_URL}), {@code api_key}
 * (required only for api.openai.com), {@code temperature}, {@code max_tokens}, {@code response_format}
 * ({@code json} or {@code text}), {@code stream} (default false: read the answer whole; true: read it as
 * server-sent events and record the time to first token), {@code organization}, {@code headers},
 * {@code connect_timeout}.
 */
public final class OpenAiTargetKind implements TargetKind {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public Target create(TargetSpec spec) {
        Options options = spec.options();
        URI baseUrl = HttpSettings.baseUrl(options, "base_url", DEFAULT_BASE_URL);
        String model = options.requiredString("model", "the model name, e.g. model: gpt-4o-mini");
        Optional<ConfigNode.Scalar> apiKey = options.scalar("api_key");
        if (apiKey.isEmpty() && baseUrl.getHost().equalsIgnoreCase("api.openai.com")) {
            options.required("api_key", "api.openai.com needs a key; write api_key: \"${OPENAI_API_KEY}\" "
                    + "and export OPENAI_API_KEY, or set 'base_url' to a local server that needs none"); // throws: absent
        }
        Optional<Double> temperature = options.number("temperature", 0, 2);
        Optional<Integer> maxTokens = options.integer("max_tokens", 1, Integer.MAX_VALUE);
        boolean json = responseFormat(options);
        boolean stream = options.bool("stream").orElse(false);
        Optional<String> organization = options.string("organization");
        HttpSettings settings = HttpSettings.read(options);

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        apiKey.ifPresent(key -> headers.put("Authorization", "Bearer " + key.value()));
        organization.ifPresent(org -> headers.put("OpenAI-Organization", org));
        headers.putAll(settings.headers());

        ChatSettings chat = new ChatSettings(model, temperature.orElse(null), maxTokens.orElse(null), json, stream);
        HttpTransport transport = new HttpTransport(settings.connectTimeout(),
                settings.secretsWith(apiKey.map(ConfigNode.Scalar::value)));
        return new OpenAiTarget(URI.create(baseUrl + "/chat/completions"), headers, chat, transport);
    }

    private static boolean responseFormat(Options options) {
        return options.scalar("response_format").map(format -> switch (format.value().strip().toLowerCase()) {
            case "json" -> true;
            case "text" -> false;
            default -> throw format.error("must be 'json' or 'text', but is '" + format.shown() + "'");
        }).orElse(false);
    }

    /** What goes into every request body besides the messages; nulls are left out of the body. */
    record ChatSettings(String model, Double temperature, Integer maxTokens, boolean json, boolean stream) {
    }
}
