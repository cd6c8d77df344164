package dev.evalgate.baselines;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tokenizer the baselines share: lowercase runs of letters and digits.
 *
 * <p>Apostrophes inside a word are dropped rather than split on, so {@code don't} is one token {@code dont}, as
 * people also type it.
 */
public final class Tokens {

    /** Words too common to say anything about a label; dropped by {@link #content(String)}. */
    public static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
            "as", "is", "are", "was", "were", "be", "been", "am", "it", "its", "this", "that", "these", "those",
            "i", "im", "me", "my", "we", "our", "you", "your", "he", "she", "they", "them", "his", "her", "their",
            "so", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should", "just",
            "there", "here", "what", "which", "who", "when", "where", "how", "please", "hi", "hello", "thanks",
            "thank", "yes", "yeah", "ok", "okay", "also", "about", "up", "out", "into", "some", "any", "all",
            "than", "then", "too", "very", "s", "t", "d", "ll", "m", "re", "ve");

    private Tokens() {
    }

    /** Every token of the text, in order. */
    public static List<String> all(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(Character.toLowerCase(c));
            } else if ((c == '\'' || c == '\u2019') && !word.isEmpty() && i < text.length()
                    && Character.isLetter(text.codePointAt(i))) {
                continue; // keep "don't" as one word
            } else if (!word.isEmpty()) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            out.add(word.toString());
        }
        return out;
    }

    /** The tokens that are not stop words, in order. */
    public static List<String> content(String text) {
        List<String> out = all(text);
        out.removeIf(STOP_WORDS::contains);
        return out;
    }
}
