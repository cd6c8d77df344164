package dev.evalgate.targets.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Interruptible;
import dev.evalgate.target.Rehearsal;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.targets.internal.HttpFailures;
import dev.evalgate.targets.internal.HttpTransport;
import dev.evalgate.targets.wire.WireRequest;
import dev.evalgate.targets.internal.SseExchange;
import dev.evalgate.targets.internal.StandIns;
import dev.evalgate.targets.internal.Texts;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** A chat completions endpoint asked one system + user exchange per call. */
final class OpenAiTarget implements Target, Interruptible {

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
    public void connect(Request probe, int connections) throws InterruptedException {
        transport.open(endpoint, connections);
    }

    @Override
    public Reply call(Request request) throws InterruptedException, JsonProcessingException {
        byte[] body = Texts.JSON.writeValueAsBytes(body(request));
        if (streams(request)) {
            return SseExchange.post(transport, endpoint, headers, body, OpenAiEvents::new);
        }
        WireRequest http = transport.request("POST", endpoint, headers, body);
        return transport.reply(http, request.schema() == null ? OpenAiTarget::parse : OpenAiTarget::parseStructured);
    }

    /**
     * Whether this call streams: a free-text single turn of a target with {@code stream: true}. A judge's
     * structured verdict and a conversation's turns (which may hold tool calls) are read whole.
     */
    private boolean streams(Request request) {
        return chat.stream() && request.schema() == null && request.conversation() == null;
    }

    ObjectNode body(Request request) {
        ObjectNode body = Texts.JSON.createObjectNode();
        body.put("model", chat.model());
        if (request.conversation() != null) {
            OpenAiConversation.write(request.conversation(), body);
        } else {
            ArrayNode messages = body.putArray("messages");
            if (request.systemText() != null) {
                messages.addObject().put("role", "system").put("content", request.systemText());
            }
            messages.addObject().put("role", "user").put("content", request.userText());
        }
        if (chat.temperature() != null) {
            body.put("temperature", chat.temperature());
        }
        if (chat.maxTokens() != null) {
            body.put("max_tokens", chat.maxTokens());
        }
        if (request.schema() != null) {
            // the provider enforces the caller's schema, so the reply is a complete object or a refusal
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            schema.put("name", request.schema().name());
            schema.put("strict", true);
            schema.set("schema", request.schema().schema());
        } else if (chat.json()) {
            body.putObject("response_format").put("type", "json_object");
        }
        if (streams(request)) {
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
        var calls = OpenAiConversation.calls(message);
        if (!calls.isEmpty()) {
            return new Reply(content.isTextual() ? content.textValue() : "", usage(root.path("usage")), calls);
        }
        if (!content.isTextual()) {
            // A model that declines structured output sends its reason as 'refusal' and no content.
            content = message.path("refusal");
        }
        if (!content.isTextual()) {
            throw HttpFailures.malformed("the answer has no choices[0].message.content", text);
        }
        return new Reply(content.textValue(), usage(root.path("usage")));
    }

    /** A reply to a request with a schema: the content, or a refusal as a fatal error instead of text to parse. */
    static Reply parseStructured(String text) {
        JsonNode root = HttpFailures.readJson(text, "the answer is not JSON or was cut short");
        JsonNode refusal = root.path("choices").path(0).path("message").path("refusal");
        if (refusal.isTextual()) {
            throw TargetException.fatal("refusal", "the model refused to answer in the schema: "
                    + refusal.textValue());
        }
        return parse(text);
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
        return Optional.of(new Rehearsal(copy::call, chat.stream() ? STAND_IN_STREAM : STAND_IN_REPLY,
                OpenAiConversation::standInAnswer));
    }

    @Override
    public void close() {
        transport.close();
    }
}
