package com.example.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.RecordedRequest;
import dev.evalgate.testkit.ScriptedResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the chat model, served over the OpenAI API on 127.0.0.1: it routes by keywords, and like a real
 * model it can only answer with a queue the system prompt lists ({@code - refund: ...}), else {@code general}.
 * So the build needs no key and no network, and a worse prompt gives worse answers.
 */
final class FakeSupportModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTED_QUEUE = Pattern.compile("(?m)^\\s*-\\s*([a-z]+):");
    private static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put("refund", List.of("refund", "money back", "reimburse", "return"));
        KEYWORDS.put("billing", List.of("invoice", "vat", "payment", "card", "charge", "receipt"));
        KEYWORDS.put("shipping", List.of("parcel", "package", "deliver", "tracking", "ship", "arrive", "courier"));
        KEYWORDS.put("account", List.of("password", "log in", "sign in", "signed in", "email address", "account",
                "two-factor"));
    }

    private FakeSupportModel() {
    }

    static LoopbackServer start() {
        return LoopbackServer.start().respondWith(FakeSupportModel::answer);
    }

    private static ScriptedResponse answer(RecordedRequest request) {
        JsonNode messages = read(request.body()).path("messages");
        StringBuilder system = new StringBuilder();
        String user = "";
        int words = 0;
        for (JsonNode message : messages) {
            String text = text(message.path("content"));
            words += text.split("\\s+").length;
            if (message.path("role").asText().equals("system")) {
                system.append(text).append('\n');
            } else if (message.path("role").asText().equals("user")) {
                user = text;
            }
        }
        String queue = route(user.toLowerCase(Locale.ROOT), listed(system.toString()));
        return ScriptedResponse.json(200, """
                {"id":"chatcmpl-fake","object":"chat.completion","created":1,"model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"logprobs":null,
                 "finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":1,"total_tokens":%d}}
                """.formatted(queue, words * 4 / 3, words * 4 / 3 + 1));
    }

    private static String route(String message, List<String> queues) {
        for (Map.Entry<String, List<String>> rule : KEYWORDS.entrySet()) {
            if (queues.contains(rule.getKey()) && rule.getValue().stream().anyMatch(message::contains)) {
                return rule.getKey();
            }
        }
        return "general";
    }

    private static List<String> listed(String system) {
        Matcher m = LISTED_QUEUE.matcher(system);
        List<String> queues = new java.util.ArrayList<>();
        while (m.find()) {
            queues.add(m.group(1));
        }
        return queues;
    }

    private static String text(JsonNode content) {
        return content.isArray() ? content.path(0).path("text").asText() : content.asText();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
