package dev.evalgate.baselines.similarity;

import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;
import dev.evalgate.score.Normalizer;
import dev.evalgate.score.Score;
import dev.evalgate.score.Scorer;
import dev.evalgate.score.ScorerKind;

import java.util.List;

/**
 * The {@code edit-distance} scorer: how little the output must change to become the nearest expected answer,
 * as {@code 1 - levenshtein / max(length)} after normalisation.
 *
 * <p>{@code normalize} takes the same steps as {@code equals} and defaults to {@code [trim, lowercase]};
 * the case passes when the value reaches {@code threshold} (default 0.8). Two empty texts are identical (1.0).
 * With {@code max_distance: N} it passes instead when at most N edits separate the output from an answer, the rule
 * of a fixed edit budget whatever the length.
 *
 * @param maxDistance the edit budget, or null to pass by {@code threshold}
 */
public record EditDistanceScorer(Normalizer normalizer, double threshold, Integer maxDistance) implements Scorer {

    public EditDistanceScorer(Normalizer normalizer, double threshold) {
        this(normalizer, threshold, null);
    }

    /** True: it compares against each case's expected answer. */
    @Override
    public boolean needsExpected() {
        return true;
    }

    public static final String ID = "edit-distance";

    @Override
    public Score score(Case kase, String output) {
        List<String> answers = kase.expected().answers();
        if (answers.isEmpty()) {
            return Shown.noExpected(ID, kase);
        }
        String got = normalizer.apply(output);
        if (maxDistance != null) {
            return withinEdits(got, answers);
        }
        double best = -1;
        String nearest = answers.getFirst();
        for (String answer : answers) {
            double value = similarity(got, normalizer.apply(answer));
            if (value > best) {
                best = value;
                nearest = answer;
            }
        }
        return Shown.judged(ID, "similarity", best, nearest, threshold);
    }

    private Score withinEdits(String got, List<String> answers) {
        int fewest = Integer.MAX_VALUE;
        String nearest = answers.getFirst();
        for (String answer : answers) {
            int distance = Levenshtein.distance(got, normalizer.apply(answer));
            if (distance < fewest) {
                fewest = distance;
                nearest = answer;
            }
        }
        double value = 1.0 / (1 + fewest);
        String reason = "edit distance " + fewest + " to " + Shown.quote(nearest)
                + (fewest <= maxDistance ? " is at most " : " is above ") + maxDistance;
        return new Score(ID, value, fewest <= maxDistance ? dev.evalgate.score.Outcome.PASS
                : dev.evalgate.score.Outcome.FAIL, reason);
    }

    /** {@code 1 - levenshtein(a, b) / max(length)}, counting code points; 1 when both are empty. */
    public static double similarity(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int longest = Math.max(x.length, y.length);
        return longest == 0 ? 1 : 1 - (double) Levenshtein.distance(x, y) / longest;
    }

    /** Registers {@code edit-distance} through {@link java.util.ServiceLoader}. */
    public static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            Integer maxDistance = options.integer("max_distance", 0, Integer.MAX_VALUE).orElse(null);
            return new EditDistanceScorer(
                    Normalizer.read(options, Normalizer.Step.TRIM, Normalizer.Step.LOWERCASE),
                    Thresholds.read(options), maxDistance);
        }
    }
}
