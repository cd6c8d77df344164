package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.RecordedRequest;
import dev.evalgate.testkit.ScriptedResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A loopback OpenAI-compatible model whose answers a test scripts: {@code answer(model, user message)} for the
 * candidates under {@code /v1}, and a judge under {@code /judge/v1} that passes an answer when {@code judgePasses}
 * accepts its whole prompt; a path ending in {@code /messages} answers as Anthropic's Messages API. {@code /http} answers plain JSON services as {@code {"data": {"answer": ...}}}.
 */
final class ScriptedModel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackServer server = LoopbackServer.start();
    private final BiFunction<String, String, String> answer;
    private final Predicate<String> judgePasses;

    ScriptedModel(BiFunction<String, String, String> answer, Predicate<String> judgePasses) {
        this.answer = answer;
        this.judgePasses = judgePasses;
        server.respondWith(this::reply);
    }

    ScriptedModel(BiFunction<String, String, String> answer) {
        this(answer, prompt -> true);
    }

    int port() {
        return server.port();
    }

    List<RecordedRequest> requests() {
        return server.requests();
    }

    private ScriptedResponse reply(RecordedRequest request) {
        JsonNode body = read(request.body());
        if (request.path().startsWith("/http")) {
            ObjectNode root = JSON.createObjectNode();
            root.putObject("data").put("answer", answer.apply("http", body.path("question").asText()));
            return ScriptedResponse.json(200, root.toString());
        }
        JsonNode messages = body.path("messages");
        String user = messages.get(messages.size() - 1).path("content").asText();
        if (request.path().startsWith("/judge")) {
            boolean pass = judgePasses.test(user);
            ObjectNode verdict = JSON.createObjectNode();
            verdict.put("reason", pass ? "meets the rubric" : "misses the rubric");
            verdict.put("verdict", pass ? "pass" : "fail");
            verdict.put("score", pass ? 1.0 : 0.0);
            if (body.toString().contains("\"relation\"")) {
                verdict.put("relation", pass ? "consistent" : "contradicting"); // the reference mode's verdict
            }
            return ScriptedResponse.json(200, completion(verdict.toString()));
        }
        String text = answer.apply(body.path("model").asText(), user);
        if (request.path().endsWith("/messages")) {
            ObjectNode root = JSON.createObjectNode();
            root.putArray("content").addObject().put("type", "text").put("text", text);
            root.put("stop_reason", "end_turn");
            root.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
            return ScriptedResponse.json(200, root.toString());
        }
        return ScriptedResponse.json(200, completion(text));
    }

    private static String completion(String text) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", text);
        root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").set("message", message);
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5);
        return root.toString();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
