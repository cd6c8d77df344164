package dev.evalgate.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to a target failed. Whether it is worth trying again is part of the type.
 *
 * <p>Retriable failures (HTTP 429 and 5xx, connection resets, timeouts) may carry the wait the server asked
 * for; fatal ones (HTTP 400, 401, 403, 404, a worker that cannot start) are recorded at once.
 */
public abstract sealed class TargetException extends EvalgateException
        permits TargetException.Retriable, TargetException.Fatal {

    private final String kind;

    protected TargetException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** A short, stable class of failure such as {@code http_429}, {@code timeout} or {@code connection}. */
    public String kind() {
        return kind;
    }

    public abstract boolean retriable();

    public static Retriable retriable(String kind, String message) {
        return new Retriable(kind, message, null, null);
    }

    public static Retriable retriable(String kind, String message, Duration retryAfter, Throwable cause) {
        return new Retriable(kind, message, retryAfter, cause);
    }

    public static Fatal fatal(String kind, String message) {
        return new Fatal(kind, message, null);
    }

    public static Fatal fatal(String kind, String message, Throwable cause) {
        return new Fatal(kind, message, cause);
    }

    /** Worth another attempt, after {@link #retryAfter()} if the server said how long to wait. */
    public static final class Retriable extends TargetException {
        private final Duration retryAfter;

        Retriable(String kind, String message, Duration retryAfter, Throwable cause) {
            super(kind, message, cause);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public boolean retriable() {
            return true;
        }
    }

    /** Trying again would give the same answer: bad request, bad credentials, unknown model. */
    public static final class Fatal extends TargetException {
        Fatal(String kind, String message, Throwable cause) {
            super(kind, message, cause);
        }

        @Override
        public boolean retriable() {
            return false;
        }
    }
}
