package dev.evalgate.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link LoopbackServer} answers to one request: a status, headers and body, optionally after a delay, or
 * a connection dropped without any answer.
 *
 * @param delay wait before answering; the server interrupts it when it closes
 * @param drop  close the connection without sending a status line, as a crashed or reset server would
 */
public record ScriptedResponse(int status, Map<String, String> headers, String body, Duration delay, boolean drop) {

    public ScriptedResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
        delay = delay == null ? Duration.ZERO : delay;
    }

    public static ScriptedResponse json(int status, String body) {
        return new ScriptedResponse(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO, false);
    }

    public static ScriptedResponse text(int status, String body) {
        return new ScriptedResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8"), body,
                Duration.ZERO, false);
    }

    /** The connection is closed before any byte of a response is sent. */
    public static ScriptedResponse dropConnection() {
        return new ScriptedResponse(0, Map.of(), "", Duration.ZERO, true);
    }

    public ScriptedResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ScriptedResponse(status, more, body, delay, drop);
    }

    public ScriptedResponse after(Duration wait) {
        return new ScriptedResponse(status, headers, body, wait, drop);
    }
}
