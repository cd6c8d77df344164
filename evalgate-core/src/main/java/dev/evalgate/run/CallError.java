package dev.evalgate.run;

/**
 * Why a call produced no output: a stable kind (e.g. {@code http_429}, {@code timeout}) and the message.
 */
public record CallError(String kind, String message) {
}
