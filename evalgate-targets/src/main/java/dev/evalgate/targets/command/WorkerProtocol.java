package dev.evalgate.targets.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.targets.internal.Texts;
import dev.evalgate.tools.ExchangeJson;

/**
 * The JSON-lines protocol between evalgate and a worker: one request line in, one answer line out.
 *
 * <p>In: {@code {"id", "input", "vars", "prompt": {"system", "user"}, "repeat"}}, plus {@code "messages"} and
 * {@code "tools"} when the case runs as a conversation (see {@link ExchangeJson}). Out: {@code {"output": ...}}
 * with an optional {@code "usage": {"input_tokens", "output_tokens"}}, or {@code {"tool_calls": [{"id", "name",
 * "arguments"}]}} to call tools, or {@code {"error": "..."}}.
 */
final class WorkerProtocol {

    private WorkerProtocol() {
    }

    static String requestLine(Request request) {
        ObjectNode line = Texts.JSON.createObjectNode();
        line.put("id", request.kase().id());
        line.put("input", request.kase().input());
        line.set("vars", Texts.JSON.valueToTree(request.kase().vars()));
        ObjectNode prompt = line.putObject("prompt");
        prompt.put("system", request.systemText());
        prompt.put("user", request.userText());
        line.put("repeat", request.repeat());
        if (request.conversation() != null) {
            line.set("messages", ExchangeJson.turns(request.conversation().turns()));
            line.set("tools", ExchangeJson.tools(request.conversation().tools()));
        }
        try {
            // Jackson escapes every line break inside strings, so the request is always exactly one line.
            return Texts.JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw TargetException.fatal("bad_request", "case " + request.kase().id()
                    + " cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    static Reply parse(String line, WorkerCommand command) {
        JsonNode answer;
        try {
            answer = Texts.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw TargetException.fatal("malformed_response", "worker " + command.shown()
                    + " wrote a line that is not a JSON object: '" + Texts.head(line, 200) + "'. Workers must write"
                    + " exactly one JSON line per request to stdout, like {\"output\": \"...\"}; send logs to stderr.");
        }
        if (answer.hasNonNull("error")) {
            throw TargetException.fatal("worker_error", "worker " + command.shown() + " reported: "
                    + Texts.head(Texts.asText(answer.get("error")), 500));
        }
        if (answer.hasNonNull("tool_calls")) {
            try {
                var calls = ExchangeJson.readCalls(answer.get("tool_calls"));
                JsonNode text = answer.path("output");
                return new Reply(text.isMissingNode() || text.isNull() ? "" : Texts.asText(text),
                        usage(answer.path("usage")), calls);
            } catch (IllegalArgumentException e) {
                throw TargetException.fatal("malformed_response", "worker " + command.shown() + " answered "
                        + e.getMessage() + ": '" + Texts.head(line, 200) + "'");
            }
        }
        if (!answer.has("output")) {
            throw TargetException.fatal("malformed_response", "worker " + command.shown()
                    + " answered without 'output' or 'error': '" + Texts.head(line, 200) + "'");
        }
        JsonNode output = answer.get("output");
        return new Reply(output.isNull() ? "" : Texts.asText(output), usage(answer.path("usage")));
    }

    private static TokenUsage usage(JsonNode usage) {
        JsonNode in = usage.path("input_tokens");
        JsonNode out = usage.path("output_tokens");
        if (!in.isNumber() && !out.isNumber()) {
            return null;
        }
        return new TokenUsage(in.asLong(0), out.asLong(0));
    }
}
