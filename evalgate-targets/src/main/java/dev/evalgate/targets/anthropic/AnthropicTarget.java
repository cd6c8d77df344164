package dev.evalgate.targets.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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

/** The Messages API asked one user turn per call, with the system prompt as the top-level {@code system}. */
final class AnthropicTarget implements Target, Interruptible {

    /** The smallest valid answer of the protocol, sent by the stand-in when the harness is warmed. */
    static final String STAND_IN_REPLY = """
            {"content": [{"type": "text", "text": "ok"}], "usage": {"input_tokens": 1, "output_tokens": 1}}""";

    /** The same answer streamed, event by event as the Messages API sends it. */
    static final String STAND_IN_STREAM = """
            event: message_start
            data: {"type": "message_start", "message": {"usage": {"input_tokens": 1, "output_tokens": 1}}}

            event: content_block_delta
            data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "ok"}}

            event: message_delta
            data: {"type": "message_delta", "usage": {"output_tokens": 1}}

            event: message_stop
            data: {"type": "message_stop"}

            """;


    /** What goes into every request body besides the messages; a null temperature is left out. */
    record Settings(String model, int maxTokens, Double temperature, boolean stream) {
    }

    private final URI endpoint;
    private final Map<String, String> headers;
    private final Settings settings;
    private final HttpTransport transport;

    AnthropicTarget(URI endpoint, Map<String, String> headers, Settings settings, HttpTransport transport) {
        this.endpoint = endpoint;
        this.headers = Map.copyOf(headers);
        this.settings = settings;
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
            return SseExchange.post(transport, endpoint, headers, body, AnthropicEvents::new);
        }
        WireRequest http = transport.request("POST", endpoint, headers, body);
        if (request.schema() == null) {
            return transport.reply(http, AnthropicTarget::parse);
        }
        String tool = request.schema().name();
        return transport.reply(http, text -> parseTool(text, tool));
    }

    /**
     * Whether this call streams: a free-text single turn of a target with {@code stream: true}. A judge's forced
     * tool call and a conversation's turns are read whole, as their replies are structured.
     */
    private boolean streams(Request request) {
        return settings.stream() && request.schema() == null && request.conversation() == null;
    }

    ObjectNode body(Request request) {
        ObjectNode body = Texts.JSON.createObjectNode();
        body.put("model", settings.model());
        body.put("max_tokens", settings.maxTokens());
        if (request.conversation() == null && request.systemText() != null) {
            body.put("system", request.systemText());
        }
        if (settings.temperature() != null) {
            body.put("temperature", settings.temperature());
        }
        if (request.conversation() != null) {
            AnthropicConversation.write(request.conversation(), body);
        } else {
            body.putArray("messages").addObject().put("role", "user").put("content", request.userText());
        }
        if (request.schema() != null) {
            // one tool whose input is the caller's schema, and the model made to call it: the reply is its input
            ObjectNode tool = body.putArray("tools").addObject();
            tool.put("name", request.schema().name());
            tool.put("description", request.schema().description());
            tool.set("input_schema", request.schema().schema());
            body.putObject("tool_choice").put("type", "tool").put("name", request.schema().name());
        }
        if (streams(request)) {
            body.put("stream", true);
        }
        return body;
    }

    /** The text blocks of the answer joined in order, and its {@code tool_use} blocks as tool calls. */
    static Reply parse(String text) {
        JsonNode root = HttpFailures.readJson(text, "the answer is not JSON or was cut short");
        JsonNode content = root.path("content");
        if (!content.isArray()) {
            throw HttpFailures.malformed("the answer has no 'content' list", text);
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                out.append(block.path("text").textValue());
            }
        }
        return new Reply(out.toString(), usage(root.path("usage")), AnthropicConversation.calls(content));
    }

    /** The input of the {@code tool_use} block calling {@code tool}, as JSON text; no such block is a fatal error. */
    static Reply parseTool(String text, String tool) {
        JsonNode root = HttpFailures.readJson(text, "the answer is not JSON or was cut short");
        JsonNode content = root.path("content");
        if (!content.isArray()) {
            throw HttpFailures.malformed("the answer has no 'content' list", text);
        }
        for (JsonNode block : content) {
            if ("tool_use".equals(block.path("type").asText()) && tool.equals(block.path("name").asText())) {
                JsonNode input = block.path("input");
                if (!input.isObject()) {
                    throw HttpFailures.malformed("the call of tool '" + tool + "' has no input object", text);
                }
                return new Reply(input.toString(), usage(root.path("usage")));
            }
        }
        String said = parse(text).text();
        throw TargetException.fatal("no_tool_call", "the model did not call tool '" + tool + "' (stop_reason "
                + root.path("stop_reason").asText("none") + ")" + (said.isBlank() ? "" : ": " + said));
    }

    private static TokenUsage usage(JsonNode usage) {
        JsonNode in = usage.path("input_tokens");
        JsonNode out = usage.path("output_tokens");
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
        AnthropicTarget copy = new AnthropicTarget(StandIns.rebase(endpoint, standIn), headers, settings, transport);
        return Optional.of(new Rehearsal(copy::call, settings.stream() ? STAND_IN_STREAM : STAND_IN_REPLY,
                AnthropicConversation::standInAnswer));
    }

    @Override
    public void close() {
        transport.close();
    }
}
