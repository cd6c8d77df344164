package dev.evalgate.targets.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.target.Rehearsal;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.targets.internal.HttpFailures;
import dev.evalgate.targets.internal.HttpTransport;
import dev.evalgate.targets.internal.SseExchange;
import dev.evalgate.targets.internal.StandIns;
import dev.evalgate.targets.internal.Texts;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

/** A chat completions endpoint asked one system + user exchange per call. */
final class OpenAiTarget implements Target {

    /** The smallest valid answer of the protocol, sent by the stand-in when the harness is warmed. */
    static final String STAND_IN_REPLY = """
            {"choices": [{"message": {"role": "assistant", "content": "ok"}}], "usage": {"prompt_tokens": 1, "completion_tokens": 1}}""";

    /** The same answer streamed: one content chunk, the usage chunk, the end. */
    static final String STAND_IN_STREAM = """
            data: {"choices": [{"index": 0, "delta": {"role": "assistant", "content": "ok"}}]}

            data: {"choices": [], "usage": {"prompt_tokens": 1, "completion_tokens": 1}}

            data: [DONE]

            """;


    private final URI endpoint;
    private final Map<String, String> headers;
    private final OpenAiTargetKind.ChatSettings chat;
    private final HttpTransport transport;

    OpenAiTarget(URI endpoint, Map<String, String> headers, OpenAiTargetKind.ChatSettings chat,
                 HttpTransport transport) {
        this.endpoint = endpoint;
        this.headers = Map.copyOf(headers);
        this.chat = chat;
        this.transport = transport;
    }

    @Override
    public Reply call(Request request) throws InterruptedException, JsonProcessingException {
        String body = Texts.JSON.writeValueAsString(body(request));
        if (chat.stream()) {
            return SseExchange.post(transport, endpoint, headers, body, OpenAiEvents::new);
        }
        HttpRequest http = HttpTransport.request(endpoint, headers)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return transport.exchange(http, OpenAiTarget::parse);
    }

    ObjectNode body(Request request) {
        ObjectNode body = Texts.JSON.createObjectNode();
        body.put("model", chat.model());
        ArrayNode messages = body.putArray("messages");
        if (request.systemText() != null) {
            messages.addObject().put("role", "system").put("content", request.systemText());
        }
        messages.addObject().put("role", "user").put("content", request.userText());
        if (chat.temperature() != null) {
            body.put("temperature", chat.temperature());
        }
        if (chat.maxTokens() != null) {
            body.put("max_tokens", chat.maxTokens());
        }
        if (chat.json()) {
            body.putObject("response_format").put("type", "json_object");
        }
        if (chat.stream()) {
            body.put("stream", true);
            // without it a stream carries no token counts, and cost and tokens per second would be unknown
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    static Reply parse(String text) {
        JsonNode root = HttpFailures.readJson(text, "the answer is not JSON or was cut short");
        JsonNode message = root.path("choices").path(0).path("message");
        JsonNode content = message.path("content");
        if (!content.isTextual()) {
            // A model that declines structured output sends its reason as 'refusal' and no content.
            content = message.path("refusal");
        }
        if (!content.isTextual()) {
            throw HttpFailures.malformed("the answer has no choices[0].message.content", text);
        }
        return new Reply(content.textValue(), usage(root.path("usage")));
    }

    static TokenUsage usage(JsonNode usage) {
        JsonNode in = usage.path("prompt_tokens");
        JsonNode out = usage.path("completion_tokens");
        if (!in.isNumber() && !out.isNumber()) {
            return null;
        }
        return new TokenUsage(in.asLong(0), out.asLong(0));
    }

    /**
     * The same target, headers and transport, calling the stand-in; its close leaves the shared transport open.
     */
    @Override
    public Optional<Rehearsal> rehearsal(URI standIn) {
        OpenAiTarget copy = new OpenAiTarget(StandIns.rebase(endpoint, standIn), headers, chat, transport);
        return Optional.of(new Rehearsal(copy::call, chat.stream() ? STAND_IN_STREAM : STAND_IN_REPLY));
    }

    @Override
    public void close() {
        transport.close();
    }
}
