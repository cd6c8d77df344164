package dev.evalgate.target;

/**
 * What a target answered: the text and, when the target knows them, the tokens it used and, for a streamed answer,
 * when its first token arrived.
 *
 * @param usage  null when the target does not report tokens
 * @param stream null unless the answer was streamed
 */
public record Reply(String text, TokenUsage usage, StreamTiming stream) {

    /** An answer that was not streamed. */
    public Reply(String text, TokenUsage usage) {
        this(text, usage, null);
    }

    public static Reply of(String text) {
        return new Reply(text, null);
    }

    public static Reply of(String text, long inputTokens, long outputTokens) {
        return new Reply(text, new TokenUsage(inputTokens, outputTokens));
    }

    /** The same answer with its text replaced, its usage and timing kept. */
    public Reply withText(String replaced) {
        return new Reply(replaced, usage, stream);
    }

    /** The same answer without stream timing, as a cached copy is: no call was made, so there is no first token. */
    public Reply untimed() {
        return stream == null ? this : new Reply(text, usage, null);
    }
}
