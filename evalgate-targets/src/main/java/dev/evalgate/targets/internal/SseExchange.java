package dev.evalgate.targets.internal;

import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.target.StreamTiming;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One streamed call: posts a JSON body and reads the server-sent events of a 2xx answer into a {@link Reply} with
 * its time to first token. Failures are classified as for an answer read whole ({@link HttpFailures}): a non-2xx
 * status by its code, a cut-short stream as a retriable transfer fault, secrets masked in every message.
 */
public final class SseExchange {

    private SseExchange() {
    }

    /**
     * @param protocol makes a fresh reader of the provider's events for this call
     */
    public static Reply post(HttpTransport transport, URI endpoint, Map<String, String> headers, String json,
                             Supplier<SseProtocol> protocol) throws InterruptedException {
        StampedBody body = new StampedBody(json);
        HttpRequest request = HttpTransport.request(endpoint, headers).POST(body).build();
        SseProtocol events = protocol.get();
        HttpResponse<Object> response;
        try {
            response = transport.client().send(request, info -> info.statusCode() / 100 == 2
                    ? HttpResponse.BodySubscribers.<StreamedBody.Outcome, Object>mapping(
                            new StreamedBody(events, body::written), o -> o)
                    : HttpResponse.BodySubscribers.<String, Object>mapping(
                            HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), text -> text));
        } catch (IOException e) {
            throw transport.masked(HttpFailures.forException(e, request.uri()));
        } catch (IllegalArgumentException e) {
            throw TargetException.fatal("bad_request", transport.secrets().mask("cannot send to "
                    + HttpFailures.where(request.uri()) + ": " + e.getMessage()));
        } catch (TargetException e) {
            throw transport.masked(e);
        }
        if (response.body() instanceof String error) {
            throw transport.masked(HttpFailures.forStatus(response.statusCode(), response.headers(),
                    transport.secrets().mask(error), request.uri(), Instant.now()));
        }
        StreamedBody.Outcome outcome = (StreamedBody.Outcome) response.body();
        if (outcome.failure() != null) {
            throw transport.masked(outcome.failure());
        }
        Reply reply = outcome.reply();
        StreamTiming timing = reply.stream();
        // the whole stream, from the request's last byte to the stream's end, is the call's time on the wire
        return timing == null ? reply : reply.onWire(timing.ttftMs() + timing.generationMs());
    }
}
