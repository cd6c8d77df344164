package dev.evalgate.targets.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Splits a byte stream into server-sent events as the bytes arrive: lines end at LF (a CR before it is dropped),
 * a blank line ends an event, {@code data:} lines are joined with newlines, and comment lines ({@code :}) and
 * other fields are skipped. Lines are split on bytes before decoding, which is safe for UTF-8 because a newline
 * byte never occurs inside a multi-byte character. Not thread-safe: one per response.
 */
final class SseLines {

    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final BiConsumer<String, String> events;
    private String event;
    private StringBuilder data;

    /** @param events called with each complete event's name (or null) and data */
    SseLines(BiConsumer<String, String> events) {
        this.events = events;
    }

    void feed(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n') {
                line(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }

    /** The end of the body: a last event not followed by a blank line still counts. */
    void finish() {
        if (line.size() > 0) {
            line(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
        line("");
    }

    private void line(String text) {
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            if (data != null) {
                events.accept(event, data.toString());
            }
            event = null;
            data = null;
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("data")) {
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        } else if (field.equals("event")) {
            event = value;
        }
    }
}
