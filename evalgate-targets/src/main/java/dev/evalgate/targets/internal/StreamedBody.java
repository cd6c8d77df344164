package dev.evalgate.targets.internal;

import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.target.StreamTiming;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongSupplier;

/**
 * Reads a 2xx server-sent-events body into a {@link Reply}, stamping when the first piece of content and the end
 * event came off the connection: each chunk is stamped as the client hands it over, before it is parsed, so the
 * parsing is not counted as the target's time.
 *
 * <p>A body that ends before the protocol's end event was cut short: a transfer fault, retried like a reset. A
 * protocol error (a data line that is not JSON, an error event) ends the read at once.
 */
final class StreamedBody implements HttpResponse.BodySubscriber<StreamedBody.Outcome> {

    /** The answer, or why there is none. */
    record Outcome(Reply reply, TargetException failure) {
    }

    private final SseProtocol protocol;
    private final LongSupplier written;
    private final CompletableFuture<Outcome> result = new CompletableFuture<>();
    private final SseLines lines;
    private Flow.Subscription subscription;
    private long chunkArrived;
    private long firstContent;
    private long end;
    private TargetException failure;

    /** @param written the nano time the request was fully written, read once the first content arrives */
    StreamedBody(SseProtocol protocol, LongSupplier written) {
        this.protocol = protocol;
        this.written = written;
        this.lines = new SseLines(this::event);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        chunkArrived = System.nanoTime();
        if (failure != null || end != 0) {
            return; // after the end event or a failure, what is left is drained unread
        }
        try {
            for (ByteBuffer buffer : chunk) {
                lines.feed(buffer);
            }
        } catch (TargetException e) {
            failure = e;
            subscription.cancel();
            result.complete(new Outcome(null, e));
        }
    }

    private void event(String name, String data) {
        if (end != 0 || failure != null) {
            return;
        }
        switch (protocol.accept(name, data)) {
            case CONTENT -> {
                if (firstContent == 0) {
                    firstContent = chunkArrived;
                }
            }
            case END -> end = chunkArrived;
            case NOTHING -> { }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (failure == null && end == 0) {
            try {
                lines.finish(); // a last event without its blank line
            } catch (TargetException e) {
                failure = e;
            }
        }
        if (failure != null) {
            result.complete(new Outcome(null, failure));
        } else if (end == 0) {
            result.complete(new Outcome(null, TargetException.retriable("malformed_response",
                    "the answer stream ended before its end event (" + protocol.endEvent() + "): it was cut short;"
                            + " the text so far began: " + Texts.head(protocol.text(), HttpFailures.BODY_SHOWN))));
        } else {
            result.complete(new Outcome(new Reply(protocol.text(), protocol.usage(), timing()), null));
        }
    }

    /** Null when no content came: an empty answer has no first token. */
    private StreamTiming timing() {
        if (firstContent == 0) {
            return null;
        }
        long from = written.getAsLong();
        double ttft = Math.max(0, firstContent - from) / 1e6;
        return new StreamTiming(ttft, Math.max(0, end - firstContent) / 1e6);
    }

    @Override
    public CompletionStage<Outcome> getBody() {
        return result;
    }
}
