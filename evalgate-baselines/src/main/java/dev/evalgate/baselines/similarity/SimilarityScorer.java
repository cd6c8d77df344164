package dev.evalgate.baselines.similarity;

import dev.evalgate.baselines.embeddings.Embedder;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;
import dev.evalgate.score.Score;
import dev.evalgate.score.Scorer;
import dev.evalgate.score.ScorerKind;

import java.util.List;

/**
 * The {@code similarity} scorer: how close in meaning the output is to the nearest expected answer, as the
 * cosine of their all-MiniLM-L6-v2 sentence embeddings.
 *
 * <p>The value is the best cosine over the accepted answers, floored at 0; the case passes when it reaches
 * {@code threshold} (default 0.8). Paraphrases typically score 0.6-0.9, unrelated sentences below 0.2. The
 * model is loaded on the first score, not when the suite is read, so a config check stays fast.
 */
public record SimilarityScorer(double threshold) implements Scorer {

    /** True: it compares against each case's expected answer. */
    @Override
    public boolean needsExpected() {
        return true;
    }

    public static final String ID = "similarity";

    @Override
    public Score score(Case kase, String output) {
        List<String> answers = kase.expected().answers();
        if (answers.isEmpty()) {
            return Shown.noExpected(ID, kase);
        }
        Embedder embedder = Embedder.shared();
        float[] got = embedder.embed(output);
        double best = Double.NEGATIVE_INFINITY;
        String nearest = answers.getFirst();
        for (String answer : answers) {
            double cosine = Embedder.cosine(got, embedder.embed(answer));
            if (cosine > best) {
                best = cosine;
                nearest = answer;
            }
        }
        return Shown.judged(ID, "cosine", Math.max(0, best), nearest, threshold);
    }

    /** Registers {@code similarity} through {@link java.util.ServiceLoader}. */
    public static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            return new SimilarityScorer(Thresholds.read(options));
        }
    }
}
