package dev.evalgate.score;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.config.Suggest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The text clean-up applied to an output and its expected answers before they are compared, read from the
 * {@code normalize:} option of {@code equals}, {@code one-of} and {@code label}.
 *
 * <p>Steps always run in one fixed order (strip punctuation, collapse whitespace, trim, lowercase) whatever
 * order the suite lists them in, so {@code [lowercase, trim]} and {@code [trim, lowercase]} mean the same.
 * Trim and lowercase avoid regular expressions because equality scoring sits on the hot path.
 */
public final class Normalizer {

    /** One clean-up step, named in suite files by its lower-case name. */
    public enum Step {
        STRIP_PUNCTUATION, COLLAPSE_WHITESPACE, TRIM, LOWERCASE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final boolean trim;
    private final boolean lowercase;
    private final boolean collapse;
    private final boolean stripPunctuation;
    private final List<Step> steps;

    private Normalizer(Set<Step> steps) {
        this.trim = steps.contains(Step.TRIM);
        this.lowercase = steps.contains(Step.LOWERCASE);
        this.collapse = steps.contains(Step.COLLAPSE_WHITESPACE);
        this.stripPunctuation = steps.contains(Step.STRIP_PUNCTUATION);
        this.steps = List.copyOf(steps);
    }

    public static Normalizer of(Step... steps) {
        EnumSet<Step> set = EnumSet.noneOf(Step.class);
        set.addAll(List.of(steps));
        return new Normalizer(set);
    }

    /** Reads {@code normalize:} (a list of step names, or one name); {@code defaults} apply when it is absent. */
    public static Normalizer read(Options options, Step... defaults) {
        Optional<ConfigNode> node = options.node("normalize");
        if (node.isEmpty()) {
            return of(defaults);
        }
        EnumSet<Step> set = EnumSet.noneOf(Step.class);
        for (ConfigNode item : Options.items(node.get())) {
            set.add(step(item));
        }
        return new Normalizer(set);
    }

    private static Step step(ConfigNode item) {
        List<String> names = new ArrayList<>();
        for (Step s : Step.values()) {
            names.add(s.id());
        }
        if (item instanceof ConfigNode.Scalar s && !s.isNull()) {
            String name = s.value().trim().toLowerCase(Locale.ROOT).replace('-', '_');
            for (Step step : Step.values()) {
                if (step.id().equals(name)) {
                    return step;
                }
            }
            String nearest = Suggest.nearest(name, names);
            throw item.error("names normalization '" + s.value() + "', which is not known."
                    + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                    + " Known: " + String.join(", ", names) + ".");
        }
        throw item.error("must be a normalization name (one of " + String.join(", ", names) + "), but is "
                + item.describe());
    }

    /** The steps in the order they run. */
    public List<Step> steps() {
        return steps;
    }

    public String apply(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        if (stripPunctuation || collapse) {
            out = rewrite(out);
        }
        if (trim) {
            out = out.strip();
        }
        if (lowercase) {
            out = out.toLowerCase(Locale.ROOT);
        }
        return out;
    }

    /** One pass that drops punctuation and/or folds every whitespace run into one space. */
    private String rewrite(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (stripPunctuation && isPunctuation(cp)) {
                continue;
            }
            if (collapse && Character.isWhitespace(cp)) {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
                continue;
            }
            inSpace = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return steps.stream().map(Step::id).toList().toString();
    }
}
