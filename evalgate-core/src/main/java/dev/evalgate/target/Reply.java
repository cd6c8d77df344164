package dev.evalgate.target;

/**
 * What a target answered: the text and, when the target knows them, the tokens it used.
 *
 * @param usage null when the target does not report tokens
 */
public record Reply(String text, TokenUsage usage) {

    public static Reply of(String text) {
        return new Reply(text, null);
    }

    public static Reply of(String text, long inputTokens, long outputTokens) {
        return new Reply(text, new TokenUsage(inputTokens, outputTokens));
    }
}
