package dev.evalgate.targets.internal;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;

/**
 * A request body that notes when the client took its last byte to write: the start of the time to first token and
 * of a call's time on the wire.
 * The JDK client offers no later point before the answer, and writes a small body straight after taking it.
 */
final class StampedBody implements HttpRequest.BodyPublisher {

    private final HttpRequest.BodyPublisher body;
    private final long created = System.nanoTime();
    private volatile long written;

    StampedBody(String json) {
        this(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    StampedBody(HttpRequest.BodyPublisher body) {
        this.body = body;
    }

    /** When the body was handed over in full; the time the request was built if it never was (no body sent). */
    long written() {
        long at = written;
        return at == 0 ? created : at;
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        // a retried send subscribes again; the last one counts
        body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            private long handed;

            @Override
            public void onNext(ByteBuffer item) {
                handed += item.remaining();
                if (handed == contentLength()) {
                    // the last byte is handed over now; the client may ask for the end signal only after writing it,
                    // by which time the server can have answered
                    written = System.nanoTime();
                }
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                if (handed != contentLength()) {
                    written = System.nanoTime(); // a body of unknown length ends here
                }
                subscriber.onComplete();
            }
        });
    }
}
