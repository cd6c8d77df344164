package dev.evalgate.targets.internal;

import dev.evalgate.config.SecretValues;

import java.util.Collection;

/**
 * The values a target must never show, such as API keys, and the masking of them in any text it produces.
 *
 * <p>Masking happens where a failure becomes a message, before the provider's text is shortened, so a provider that
 * echoes a key back in its error body cannot leak it, or its start, into reports. The rule is the suite's own
 * ({@link SecretValues}); the runner masks the suite's secrets once more in everything a target says.
 */
public final class Secrets {

    private final SecretValues values;

    private Secrets(SecretValues values) {
        this.values = values;
    }

    public static Secrets of(Collection<String> values) {
        return new Secrets(SecretValues.of(values));
    }

    public static Secrets none() {
        return new Secrets(SecretValues.none());
    }

    /** {@code text} with every secret replaced by {@code ***}. */
    public String mask(String text) {
        return values.mask(text);
    }
}
