package dev.evalgate.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secret values a suite knows (API keys, header credentials, values from the environment), and the masking of
 * them in any text that leaves the process.
 *
 * <p>A text cut short may end in the first characters of a secret; those are masked too when at least
 * {@value #MIN_PREFIX} of them stand before the {@code …} that marks the cut, so cutting before masking (as a
 * target that shortens a provider's error does) cannot leak a key's start.
 */
public final class SecretValues {

    public static final String MASK = "***";
    /** Shorter credential values are not masked: replacing every "1" in a message would hide more than it protects. */
    static final int MIN_CREDENTIAL = 4;
    /** Values from the environment are masked from this length; shorter ones are ports, flags and the like. */
    static final int MIN_FROM_ENVIRONMENT = 8;
    static final int MIN_PREFIX = 4;
    private static final char CUT = '…';
    private static final SecretValues NONE = new SecretValues(List.of());

    private final List<String> values;

    private SecretValues(List<String> values) {
        this.values = values;
    }

    public static SecretValues none() {
        return NONE;
    }

    /** These values, each at least {@value #MIN_CREDENTIAL} characters, as secrets. */
    public static SecretValues of(Collection<String> values) {
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && value.length() >= MIN_CREDENTIAL) {
                kept.add(value);
            }
        }
        List<String> sorted = new ArrayList<>(kept);
        // Longest first, so a key that contains another secret is masked whole.
        sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new SecretValues(List.copyOf(sorted));
    }

    /**
     * A credential as written, plus the token after its scheme word ("Bearer sk-..." leaks the key on its own) and
     * each long enough value of a {@code name=value} list, as in a cookie.
     */
    public static List<String> credential(String value) {
        if (value == null) {
            return List.of();
        }
        String stripped = value.strip();
        List<String> out = new ArrayList<>(List.of(stripped));
        int space = stripped.indexOf(' ');
        if (space > 0) {
            out.add(stripped.substring(space + 1).strip());
        }
        for (String part : stripped.split("[\\s;,]+")) {
            String tail = part.substring(part.indexOf('=') + 1);
            if (tail.length() >= MIN_FROM_ENVIRONMENT) {
                out.add(tail);
            }
        }
        return out;
    }

    /**
     * A value from the environment when long enough to be worth hiding. Whole values only: a word of a label list
     * taken from the environment may well be a correct answer, and masking it would change a score.
     */
    public static List<String> fromEnvironment(String value) {
        return value != null && value.strip().length() >= MIN_FROM_ENVIRONMENT ? List.of(value.strip()) : List.of();
    }

    /**
     * The secrets written in a config tree: values under credential keys (see {@link Credentials}) and values that
     * came from the environment.
     */
    public static SecretValues in(ConfigNode root) {
        List<String> found = new ArrayList<>();
        collect(root, false, found);
        return of(found);
    }

    private static void collect(ConfigNode node, boolean credential, List<String> found) {
        switch (node) {
            case ConfigNode.Scalar s -> {
                if (credential) {
                    found.addAll(credential(s.value()));
                }
                if (s.secret()) {
                    found.addAll(fromEnvironment(s.value()));
                }
            }
            case ConfigNode.Sequence seq -> seq.items().forEach(item -> collect(item, credential, found));
            case ConfigNode.Mapping map -> map.entries().forEach((key, value) ->
                    collect(value, credential || Credentials.isCredentialName(key), found));
        }
    }

    /** These secrets and {@code others}'. */
    public SecretValues and(SecretValues others) {
        List<String> all = new ArrayList<>(values);
        all.addAll(others.values);
        return of(all);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** {@code text} with every secret, and every secret's start left at a cut, replaced by {@value #MASK}. */
    public String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : values) {
            out = out.replace(secret, MASK);
        }
        return maskCutPrefixes(out);
    }

    private String maskCutPrefixes(String text) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = text.indexOf(CUT); i >= 0; i = text.indexOf(CUT, i + 1)) {
            cuts.add(i);
        }
        StringBuilder out = new StringBuilder(text);
        // from the last cut backwards, so a replacement never moves a cut still to be looked at
        for (int k = cuts.size() - 1; k >= 0; k--) {
            int end = cuts.get(k);
            int prefix = longestPrefixEndingAt(text, end);
            if (prefix > 0) {
                out.replace(end - prefix, end, MASK);
            }
        }
        return out.toString();
    }

    /** The length of the longest secret prefix of at least {@value #MIN_PREFIX} characters ending at {@code end}. */
    private int longestPrefixEndingAt(String text, int end) {
        int best = 0;
        for (String secret : values) {
            for (int n = Math.min(secret.length() - 1, end); n >= Math.max(MIN_PREFIX, best + 1); n--) {
                if (secret.regionMatches(0, text, end - n, n)) {
                    best = n;
                    break;
                }
            }
        }
        return best;
    }
}
