package dev.evalgate.targets.internal;

import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.target.StreamTiming;
import dev.evalgate.targets.wire.WireRequest;
import dev.evalgate.targets.wire.WireResponse;

import java.io.EOFException;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One streamed call: posts a JSON body and reads the server-sent events of a 2xx answer into a {@link Reply} with
 * its time to first token. Each read is stamped as it comes off the connection, before it is parsed, so parsing is
 * not counted as the target's time.
 *
 * <p>Failures are classified as for an answer read whole ({@link HttpFailures}): a non-2xx status by its code, a
 * stream that ends before the protocol's end event as a retriable transfer fault, a protocol error (a data line
 * that is not JSON, an error event) at once; secrets are masked in every message.
 */
public final class SseExchange {

    private SseExchange() {
    }

    /**
     * @param protocol makes a fresh reader of the provider's events for this call
     */
    public static Reply post(HttpTransport transport, URI endpoint, Map<String, String> headers, byte[] json,
                             Supplier<SseProtocol> protocol) throws InterruptedException {
        WireRequest request = transport.request("POST", endpoint, headers, json);
        return transport.send(request, response -> {
            if (response.status() / 100 != 2) {
                throw HttpFailures.forStatus(response.status(), response.head()::header,
                        transport.secrets().mask(response.text()), endpoint, Instant.now());
            }
            Reply reply = new Reading(protocol.get(), response).read();
            StreamTiming timing = reply.stream();
            // the whole stream, from the request's last byte to the stream's end, is the call's time on the wire
            return timing == null ? reply : reply.onWire(timing.ttftMs() + timing.generationMs());
        });
    }

    /** Reads one response's events, noting when the first piece of content and the end event arrived. */
    private static final class Reading {
        private final SseProtocol protocol;
        private final WireResponse response;
        private final SseLines lines = new SseLines(this::event);
        private long arrived;
        private long firstContent;
        private long end;

        Reading(SseProtocol protocol, WireResponse response) {
            this.protocol = protocol;
            this.response = response;
        }

        Reply read() throws IOException {
            byte[] chunk = new byte[8192];
            try {
                for (int n = response.read(chunk, 0, chunk.length); n >= 0;
                     n = response.read(chunk, 0, chunk.length)) {
                    arrived = response.arrival();
                    if (end == 0) {
                        lines.feed(ByteBuffer.wrap(chunk, 0, n));
                    } // after the end event, the rest is drained unread so the connection can be used again
                }
                if (end == 0) {
                    lines.finish(); // a last event without its blank line
                }
            } catch (EOFException e) {
                // the connection closed mid-body: the answer is whole only if its end event came
            }
            if (end == 0) {
                throw TargetException.retriable("malformed_response", "the answer stream ended before its end"
                        + " event (" + protocol.endEvent() + "): it was cut short; the text so far began: "
                        + Texts.head(protocol.text(), HttpFailures.BODY_SHOWN));
            }
            return new Reply(protocol.text(), protocol.usage(), timing());
        }

        private void event(String name, String data) {
            if (end != 0) {
                return;
            }
            switch (protocol.accept(name, data)) {
                case CONTENT -> {
                    if (firstContent == 0) {
                        firstContent = arrived;
                    }
                }
                case END -> end = arrived;
                case NOTHING -> { }
            }
        }

        /** Null when no content came: an empty answer has no first token. */
        private StreamTiming timing() {
            if (firstContent == 0) {
                return null;
            }
            double ttft = Math.max(0, firstContent - response.written()) / 1e6;
            return new StreamTiming(ttft, Math.max(0, end - firstContent) / 1e6);
        }
    }
}
