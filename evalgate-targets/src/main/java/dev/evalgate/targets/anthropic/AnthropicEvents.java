package dev.evalgate.targets.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.targets.internal.HttpFailures;
import dev.evalgate.targets.internal.SseProtocol;
import dev.evalgate.targets.internal.Texts;

/**
 * The Messages stream: {@code message_start} carries the input tokens, {@code content_block_delta} events of type
 * {@code text_delta} the answer's text, {@code message_delta} the output tokens so far, {@code message_stop} the
 * end. Thinking and tool-input deltas are not part of the output, as in the answer read whole.
 */
final class AnthropicEvents implements SseProtocol {

    private final StringBuilder text = new StringBuilder();
    private long input = -1;
    private long output = -1;

    @Override
    public Seen accept(String event, String data) {
        JsonNode root = HttpFailures.readJson(data, "a streamed event is not JSON or was cut short");
        String type = root.path("type").asText(event == null ? "" : event);
        switch (type) {
            case "message_start" -> {
                JsonNode usage = root.path("message").path("usage");
                input = usage.path("input_tokens").asLong(input);
                output = usage.path("output_tokens").asLong(output);
            }
            case "content_block_delta" -> {
                JsonNode delta = root.path("delta");
                if ("text_delta".equals(delta.path("type").asText()) && delta.path("text").isTextual()
                        && !delta.path("text").textValue().isEmpty()) {
                    text.append(delta.path("text").textValue());
                    return Seen.CONTENT;
                }
            }
            case "message_delta" -> output = root.path("usage").path("output_tokens").asLong(output);
            case "message_stop" -> {
                return Seen.END;
            }
            case "error" -> throw error(root.path("error"));
            default -> { } // ping, content_block_start/stop and events added later
        }
        return Seen.NOTHING;
    }

    /** Overloaded and internal errors pass; anything else the server would say again. */
    private static TargetException error(JsonNode error) {
        String kind = error.path("type").asText("error");
        String message = "the answer stream reported " + kind + ": " + Texts.head(error.path("message").asText(), 200);
        return kind.equals("overloaded_error") || kind.equals("api_error")
                ? TargetException.retriable("stream_error", message)
                : TargetException.fatal("stream_error", message);
    }

    @Override
    public String text() {
        return text.toString();
    }

    @Override
    public TokenUsage usage() {
        if (input < 0 && output < 0) {
            return null;
        }
        return new TokenUsage(Math.max(input, 0), Math.max(output, 0));
    }

    @Override
    public String endEvent() {
        return "event: message_stop";
    }
}
