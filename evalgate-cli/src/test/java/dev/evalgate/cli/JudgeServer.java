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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server that is both a candidate and a judge, for tests of the judge scorer.
 *
 * <p>The candidate ({@code /cand/v1/chat/completions}) answers case n with {@code "answer n: good"} or
 * {@code "answer n: bad"}: the truth. The OpenAI-compatible ({@code /oa/v1/chat/completions}) and
 * Anthropic-compatible ({@code /an/v1/messages}) judges read that answer from the judge prompt and pass a good one
 * with probability {@code sensitivity} and fail a bad one with probability {@code specificity}, drawn from a seed,
 * the case number and how many times that case was judged before. On the cases {@code malformed} picks, the judge
 * answers with something that is not a verdict: "YES" as OpenAI content (a refusal when n / 10 is odd), a text
 * block without the forced tool call for Anthropic.
 */
final class JudgeServer implements AutoCloseable {

    static final Pattern ANSWER = Pattern.compile("answer (\\d+): (good|bad)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackServer server = LoopbackServer.start();
    private final IntPredicate good;
    private final double sensitivity;
    private final double specificity;
    private final long seed;
    private final IntPredicate malformed;
    private final Map<Integer, AtomicInteger> judged = new ConcurrentHashMap<>();
    private final AtomicInteger judgeCalls = new AtomicInteger();
    private final AtomicInteger candidateCalls = new AtomicInteger();

    JudgeServer(IntPredicate good, double sensitivity, double specificity, long seed, IntPredicate malformed) {
        this.good = good;
        this.sensitivity = sensitivity;
        this.specificity = specificity;
        this.seed = seed;
        this.malformed = malformed;
        server.respondWith(this::answer);
    }

    String url(String path) {
        return server.url(path);
    }

    int judgeCalls() {
        return judgeCalls.get();
    }

    int candidateCalls() {
        return candidateCalls.get();
    }

    List<RecordedRequest> requests(String pathPrefix) {
        return server.requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    private ScriptedResponse answer(RecordedRequest request) {
        JsonNode body = read(request.body());
        if (request.path().startsWith("/cand/")) {
            candidateCalls.incrementAndGet();
            String input = body.path("messages").get(body.path("messages").size() - 1).path("content").asText();
            Matcher m = Pattern.compile("case (\\d+)").matcher(input);
            if (!m.find()) {
                return ScriptedResponse.text(400, "no case number in " + input);
            }
            int n = Integer.parseInt(m.group(1));
            return ScriptedResponse.json(200, openAi(content("answer " + n + ": " + (good.test(n) ? "good" : "bad")),
                    20, 5));
        }
        judgeCalls.incrementAndGet();
        boolean anthropic = request.path().startsWith("/an/");
        String prompt = body.path("messages").get(body.path("messages").size() - 1).path("content").asText();
        Matcher m = ANSWER.matcher(prompt);
        if (!m.find()) {
            return ScriptedResponse.text(400, "no answer to judge in " + prompt);
        }
        int n = Integer.parseInt(m.group(1));
        boolean truth = m.group(2).equals("good");
        int call = judged.computeIfAbsent(n, k -> new AtomicInteger()).getAndIncrement();
        if (malformed.test(n)) {
            return ScriptedResponse.json(200, anthropic ? anthropicText("YES") : n / 10 % 2 == 0
                    ? openAi(content("YES\n"), 100, 3) : openAi(refusal("I can't grade this."), 100, 3));
        }
        double u = new SplittableRandom(seed * 1_000_003L + n * 7919L + call).nextDouble();
        boolean pass = truth ? u < sensitivity : u >= specificity;
        ObjectNode verdict = JSON.createObjectNode();
        verdict.put("reason", "the answer is " + (pass ? "acceptable" : "not acceptable") + " (case " + n + ")");
        verdict.put("verdict", pass ? "pass" : "fail");
        verdict.put("score", pass ? 0.9 : 0.1);
        return ScriptedResponse.json(200, anthropic ? anthropicTool(verdict) : openAi(content(verdict.toString()),
                100, 20));
    }

    private static ObjectNode content(String text) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.put("content", text);
        return message;
    }

    private static ObjectNode refusal(String text) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.putNull("content");
        message.put("refusal", text);
        return message;
    }

    private static String openAi(ObjectNode message, int in, int out) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").set("message", message);
        root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out);
        return root.toString();
    }

    private static String anthropicTool(ObjectNode input) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode block = root.putArray("content").addObject();
        block.put("type", "tool_use").put("id", "toolu_1").put("name", "verdict").set("input", input);
        root.put("stop_reason", "tool_use");
        root.putObject("usage").put("input_tokens", 120).put("output_tokens", 30);
        return root.toString();
    }

    private static String anthropicText(String text) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.put("stop_reason", "end_turn");
        root.putObject("usage").put("input_tokens", 120).put("output_tokens", 2);
        return root.toString();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
