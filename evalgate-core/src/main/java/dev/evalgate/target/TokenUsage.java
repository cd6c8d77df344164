package dev.evalgate.target;

/** Tokens one call consumed, as the provider counted them. */
public record TokenUsage(long input, long output) {
    public static final TokenUsage ZERO = new TokenUsage(0, 0);

    public TokenUsage plus(TokenUsage other) {
        return other == null ? this : new TokenUsage(input + other.input, output + other.output);
    }
}
