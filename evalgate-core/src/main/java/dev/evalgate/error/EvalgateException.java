package dev.evalgate.error;

/**
 * The root of every exception evalgate throws on purpose.
 *
 * <p>Subtypes are split by what the caller can do: {@link ConfigException} for problems the user fixes in a
 * file, {@link TargetException} for failures of the system under test.
 */
public class EvalgateException extends RuntimeException {
    public EvalgateException(String message) {
        super(message);
    }

    public EvalgateException(String message, Throwable cause) {
        super(message, cause);
    }
}
