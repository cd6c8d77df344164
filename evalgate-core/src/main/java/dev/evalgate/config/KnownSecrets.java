package dev.evalgate.config;

/**
 * The secrets of every suite this process has loaded, for text that leaves after the suite is gone: the error a
 * command prints on its way out.
 *
 * <p>Process-wide on purpose: an error can be raised anywhere between loading a suite and exiting, and masking a
 * value of an earlier suite as well only ever hides more.
 */
public final class KnownSecrets {

    private static volatile SecretValues known = SecretValues.none();

    private KnownSecrets() {
    }

    public static synchronized void add(SecretValues more) {
        if (!more.isEmpty()) {
            known = known.and(more);
        }
    }

    /** {@code text} with every known secret masked. */
    public static String mask(String text) {
        return known.mask(text);
    }
}
