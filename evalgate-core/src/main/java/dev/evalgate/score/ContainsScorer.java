package dev.evalgate.score;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code contains} and {@code not-contains} scorers: the output must (or must not) contain given texts.
 *
 * <p>The texts are the {@code value:} option (one text or a list), or else the case's accepted answers.
 * {@code contains} needs every listed value but any one accepted answer, since accepted answers are
 * alternatives; {@code match: any|all} overrides that. Missing some of several required values gives partial
 * credit. {@code not-contains} fails as soon as any of the texts appears.
 *
 * @param values     the texts as written, or null to use each case's expected answers
 * @param matchAll   null for the default (all for values, any for expected answers)
 */
record ContainsScorer(String id, boolean negate, List<String> values, boolean ignoreCase, Boolean matchAll)
        implements Scorer {

    /** Without fixed values it compares against each case's expected answers. */
    @Override
    public boolean needsExpected() {
        return values == null;
    }

    @Override
    public Score score(Case kase, String output) {
        List<String> needles = values != null ? values : kase.expected().answers();
        if (needles.isEmpty()) {
            return Texts.noExpected(id, kase, "Add 'expected' to the case, or give the scorer a 'value'.");
        }
        boolean all = matchAll != null ? matchAll : values != null;
        String haystack = ignoreCase ? output.toLowerCase(Locale.ROOT) : output;
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String needle : needles) {
            String n = ignoreCase ? needle.toLowerCase(Locale.ROOT) : needle;
            (haystack.contains(n) ? found : missing).add(needle);
        }
        if (negate) {
            return found.isEmpty()
                    ? Score.pass(id, "does not contain " + list(needles, "or"))
                    : Score.fail(id, "found " + list(found, "and") + " in " + Texts.quote(output));
        }
        if (missing.isEmpty() || !all && !found.isEmpty()) {
            return Score.pass(id, "contains " + list(found, "and"));
        }
        String reason = (all ? "missing " + list(missing, "and") : "none of " + list(needles, "or") + " found")
                + " in " + Texts.quote(output);
        return all ? Score.of(id, (double) found.size() / needles.size(), 1.0, reason) : Score.fail(id, reason);
    }

    private static String list(List<String> texts, String conjunction) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                out.append(i == texts.size() - 1 ? " " + conjunction + " " : ", ");
            }
            out.append(Texts.quote(texts.get(i)));
        }
        return out.toString();
    }

    /** Reads {@code value}, {@code ignore_case} and, for {@code contains}, {@code match}. */
    static final class Kind implements ScorerKind {
        private final String id;
        private final boolean negate;

        private Kind(String id, boolean negate) {
            this.id = id;
            this.negate = negate;
        }

        static Kind contains() {
            return new Kind("contains", false);
        }

        static Kind notContains() {
            return new Kind("not-contains", true);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Scorer create(Options options) {
            List<String> values = options.strings("value");
            for (String value : values) {
                if (value.isEmpty()) {
                    throw options.node("value").orElseThrow().error("holds an empty text, which every output "
                            + "contains; remove it");
                }
            }
            boolean ignoreCase = options.bool("ignore_case").orElse(false);
            Boolean matchAll = negate ? null : options.scalar("match").map(Kind::matchAll).orElse(null);
            return new ContainsScorer(id, negate, values.isEmpty() ? null : List.copyOf(values), ignoreCase, matchAll);
        }

        private static boolean matchAll(ConfigNode.Scalar s) {
            return switch (s.value().trim().toLowerCase(Locale.ROOT)) {
                case "all" -> true;
                case "any" -> false;
                default -> throw s.error("must be 'any' or 'all', but is '" + s.shown() + "'");
            };
        }
    }
}
