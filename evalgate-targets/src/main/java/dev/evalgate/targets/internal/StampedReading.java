package dev.evalgate.targets.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as text that notes when its last byte came off the connection: the end of a call's time on
 * the wire. The client calls {@link #onComplete()} on its selector thread as soon as the body is read, before the
 * caller's thread wakes up and parses it.
 */
final class StampedReading implements HttpResponse.BodySubscriber<String> {

    private final HttpResponse.BodySubscriber<String> text;
    private volatile long read;

    StampedReading(HttpResponse.BodySubscriber<String> text) {
        this.text = text;
    }

    /** A handler that reads every answer, of any status, as text and stamps its end. */
    static HttpResponse.BodyHandler<String> handler(StampedReading[] holder) {
        return info -> {
            StampedReading reading = new StampedReading(HttpResponse.BodyHandlers.ofString().apply(info));
            holder[0] = reading; // a redirect reads a second body; the last one counts
            return reading;
        };
    }

    /** When the last byte was read, by {@link System#nanoTime()}; 0 if the body was never read in full. */
    long read() {
        return read;
    }

    @Override
    public CompletionStage<String> getBody() {
        return text.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        text.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        text.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        text.onError(throwable);
    }

    @Override
    public void onComplete() {
        read = System.nanoTime();
        text.onComplete();
    }
}
