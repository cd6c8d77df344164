package dev.evalgate.targets.internal;

import dev.evalgate.target.TokenUsage;

/**
 * How one provider's server-sent events add up to an answer: each event's data is handed in as it arrives, and
 * the protocol says whether it carried content and whether it was the stream's last. One instance per call.
 *
 * <p>A data line that is not JSON, or an error event, is thrown as a {@link dev.evalgate.error.TargetException};
 * unknown events are ignored, as the providers ask of clients.
 */
public interface SseProtocol {

    /** What one event meant. */
    enum Seen {
        /** Nothing for the answer: a ping, the role, a block start, or the usage. */
        NOTHING,
        /** A piece of the answer's text. */
        CONTENT,
        /** The stream's end event: the answer is whole. */
        END
    }

    /**
     * @param event the {@code event:} field, or null when the event had none
     * @param data  the event's data lines joined with newlines
     */
    Seen accept(String event, String data);

    /** The answer's text so far. */
    String text();

    /** The tokens the provider reported, or null when it reported none. */
    TokenUsage usage();

    /** The end event the protocol waits for, as a user would recognise it in the server's output. */
    String endEvent();
}
