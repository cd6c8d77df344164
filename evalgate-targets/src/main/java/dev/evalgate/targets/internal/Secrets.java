package dev.evalgate.targets.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The values a target must never show, such as API keys, and the masking of them in any text it produces.
 *
 * <p>Masking happens once, where a failure becomes a message, so a provider that echoes a key back in its error
 * body cannot leak it into reports.
 */
public final class Secrets {

    /** Shorter values are not masked: replacing every "1" in a message would hide more than it protects. */
    private static final int MIN_LENGTH = 4;

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = List.copyOf(values);
    }

    public static Secrets of(Collection<String> values) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value != null && value.length() >= MIN_LENGTH) {
                kept.add(value);
            }
        }
        // Longest first, so a key that contains another secret is masked whole.
        kept.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Secrets(kept);
    }

    public static Secrets none() {
        return new Secrets(List.of());
    }

    /** {@code text} with every secret replaced by {@code ***}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : values) {
            out = out.replace(secret, "***");
        }
        return out;
    }
}
