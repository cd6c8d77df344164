package dev.evalgate.score;

import dev.evalgate.dataset.Case;
import dev.evalgate.tools.Exchange;

import java.util.ArrayList;
import java.util.List;

/** Runs a suite's scorers over one output and folds their scores into a {@link Scored}. */
public final class CaseScoring {

    private CaseScoring() {
    }

    /**
     * Scores one output with every scorer. A scorer that throws is recorded as an ERROR score naming the
     * exception, so one broken scorer never stops a run. A null output is scored as empty text.
     *
     * @throws IllegalArgumentException when {@code scorers} is empty; {@link ScorerSpecs} never returns an empty list
     */
    public static Scored score(List<ConfiguredScorer> scorers, Case kase, String output) {
        return score(scorers, kase, output, null);
    }

    /** Scores the output that ended a conversation; {@code exchange} may be null for a single call. */
    public static Scored score(List<ConfiguredScorer> scorers, Case kase, String output, Exchange exchange) {
        if (scorers.isEmpty()) {
            throw new IllegalArgumentException("no scorers to score case '" + kase.id() + "' with");
        }
        String text = output == null ? "" : output;
        List<Score> scores = new ArrayList<>(scorers.size());
        boolean error = false;
        boolean allPass = true;
        double sum = 0;
        for (ConfiguredScorer configured : scorers) {
            Score score = scoreOne(configured, kase, text, exchange);
            scores.add(score);
            error |= score.outcome() == Outcome.ERROR;
            allPass &= score.outcome() == Outcome.PASS;
            sum += score.value();
        }
        Outcome outcome = error ? Outcome.ERROR : allPass ? Outcome.PASS : Outcome.FAIL;
        return new Scored(outcome, sum / scores.size(), scores);
    }

    private static Score scoreOne(ConfiguredScorer configured, Case kase, String output, Exchange exchange) {
        try {
            Score score = exchange == null ? configured.scorer().score(kase, output)
                    : configured.scorer().score(kase, output, exchange);
            if (score == null) {
                return Score.error(configured.id(), "scorer '" + configured.id() + "' returned no score");
            }
            return score;
        } catch (RuntimeException e) {
            return Score.error(configured.id(), "scorer '" + configured.id() + "' failed on "
                    + Texts.caseName(kase) + ": " + e);
        }
    }
}
