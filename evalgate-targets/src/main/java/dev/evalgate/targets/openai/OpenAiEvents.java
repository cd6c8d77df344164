package dev.evalgate.targets.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.targets.internal.HttpFailures;
import dev.evalgate.targets.internal.SseProtocol;
import dev.evalgate.targets.internal.Texts;

/**
 * The chat completions stream: {@code data:} chunks whose {@code choices[0].delta.content} (or {@code refusal})
 * pieces make the answer, a last chunk with {@code usage} (asked for with {@code stream_options.include_usage}),
 * then {@code data: [DONE]}.
 */
final class OpenAiEvents implements SseProtocol {

    private final StringBuilder text = new StringBuilder();
    private TokenUsage usage;

    @Override
    public Seen accept(String event, String data) {
        if (data.strip().equals("[DONE]")) {
            return Seen.END;
        }
        JsonNode chunk = HttpFailures.readJson(data, "a streamed chunk is not JSON or was cut short");
        JsonNode error = chunk.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            // the server gave up mid-answer (overloaded, or an internal error): worth another try
            throw TargetException.retriable("stream_error", "the answer stream reported an error: "
                    + Texts.head(error.path("message").isTextual() ? error.path("message").textValue()
                    : error.toString(), 200));
        }
        TokenUsage reported = OpenAiTarget.usage(chunk.path("usage"));
        if (reported != null) {
            usage = reported;
        }
        JsonNode delta = chunk.path("choices").path(0).path("delta");
        JsonNode piece = delta.path("content").isTextual() ? delta.path("content") : delta.path("refusal");
        if (piece.isTextual() && !piece.textValue().isEmpty()) {
            text.append(piece.textValue());
            return Seen.CONTENT;
        }
        return Seen.NOTHING;
    }

    @Override
    public String text() {
        return text.toString();
    }

    @Override
    public TokenUsage usage() {
        return usage;
    }

    @Override
    public String endEvent() {
        return "data: [DONE]";
    }
}
