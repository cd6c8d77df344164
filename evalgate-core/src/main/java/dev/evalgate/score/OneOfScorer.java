package dev.evalgate.score;

import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code one-of} scorer: the normalized output must equal one of a set of allowed answers.
 *
 * <p>The set is the {@code values:} option when given (useful to check that a model answers with a valid label
 * at all), otherwise the case's accepted answers. Fixed values are normalized once, at config time.
 *
 * @param values the normalized allowed answers, or null to use each case's expected answers
 * @param shown  the allowed answers as written, for reasons
 */
record OneOfScorer(Normalizer normalizer, Set<String> values, List<String> shown) implements Scorer {

    /** Without fixed values it compares against each case's expected answers. */
    @Override
    public boolean needsExpected() {
        return values == null;
    }

    static final String ID = "one-of";

    @Override
    public Score score(Case kase, String output) {
        String got = normalizer.apply(output);
        if (values != null) {
            return values.contains(got) ? Score.pass(ID, Texts.quote(output) + " is an allowed answer")
                    : fail(shown, output);
        }
        List<String> answers = kase.expected().answers();
        if (answers.isEmpty()) {
            return Texts.noExpected(ID, kase,
                    "Add 'expected' to the case, or list the allowed answers under 'values'.");
        }
        for (String answer : answers) {
            if (normalizer.apply(answer).equals(got)) {
                return Score.pass(ID, "matches " + Texts.quote(answer));
            }
        }
        return fail(answers, output);
    }

    private static Score fail(List<String> allowed, String output) {
        return Score.fail(ID, "expected " + Texts.answers(allowed) + " but got " + Texts.quote(output));
    }

    static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            Normalizer normalizer = Normalizer.read(options, Normalizer.Step.TRIM);
            List<String> listed = options.strings("values");
            if (listed.isEmpty()) {
                return new OneOfScorer(normalizer, null, null);
            }
            Set<String> values = listed.stream().map(normalizer::apply).collect(Collectors.toUnmodifiableSet());
            return new OneOfScorer(normalizer, values, List.copyOf(listed));
        }
    }
}
