package dev.evalgate.score;

import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;

import java.util.List;

/**
 * The {@code equals} and {@code label} scorers: the normalized output must equal one of the case's accepted
 * answers.
 *
 * <p>{@code label} is the same comparison with trim and lowercase by default, marked as classification so the
 * metrics add precision, recall, F1 and a confusion matrix.
 */
record EqualsScorer(String id, Normalizer normalizer) implements Scorer {

    /** True: it compares against each case's expected answer. */
    @Override
    public boolean needsExpected() {
        return true;
    }

    @Override
    public Score score(Case kase, String output) {
        List<String> answers = kase.expected().answers();
        if (answers.isEmpty()) {
            return Texts.noExpected(id, kase, "Add 'expected' to the case.");
        }
        String got = normalizer.apply(output);
        for (String answer : answers) {
            if (normalizer.apply(answer).equals(got)) {
                return Score.pass(id, "matches " + Texts.quote(answer));
            }
        }
        return Score.fail(id, "expected " + Texts.answers(answers) + " but got " + Texts.quote(output));
    }

    /** {@code equals}: normalize defaults to {@code [trim]}. */
    static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return "equals";
        }

        @Override
        public Scorer create(Options options) {
            return new EqualsScorer(id(), Normalizer.read(options, Normalizer.Step.TRIM));
        }
    }

    /** {@code label}: normalize defaults to {@code [trim, lowercase]}; a classification scorer. */
    static final class LabelKind implements ScorerKind {
        @Override
        public String id() {
            return "label";
        }

        @Override
        public Scorer create(Options options) {
            return new EqualsScorer(id(), Normalizer.read(options, Normalizer.Step.TRIM, Normalizer.Step.LOWERCASE));
        }

        @Override
        public boolean classification() {
            return true;
        }
    }
}
