package dev.evalgate.judge;

import dev.evalgate.score.Grading;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;

import java.util.List;

/**
 * A judge's decision on one output, folded from its votes.
 *
 * <p>Votes that gave no verdict are left out and the others decide by majority; a tie is a FAIL, because the
 * judge did not agree that the output meets the bar. When no vote gave a verdict the judgment is a judge error
 * (ERROR): neither a pass nor a fail of the output.
 *
 * @param score  the mean score of the votes that gave a verdict; 0 on a judge error
 * @param reason the reason of the first vote agreeing with the majority, or why no vote gave a verdict
 */
public record Judgment(Outcome outcome, double score, String reason, List<Vote> votes, Grading grading) {

    /** The prefix every judge error's reason starts with, in reports and the store. */
    public static final String ERROR_PREFIX = "judge error: ";

    public Judgment {
        votes = List.copyOf(votes);
    }

    /** Whether no vote gave a verdict. */
    public boolean error() {
        return outcome == Outcome.ERROR;
    }

    /** The judgment as the score of scorer {@code scorerId}, carrying what grading spent. */
    public Score toScore(String scorerId) {
        if (error()) {
            return new Score(scorerId, 0, Outcome.ERROR, ERROR_PREFIX + reason, grading);
        }
        return new Score(scorerId, score, outcome, reason, grading);
    }

    /** Folds {@code votes} (in vote order) into a judgment. */
    static Judgment of(List<Vote> votes) {
        int passes = 0;
        int fails = 0;
        double sum = 0;
        for (Vote v : votes) {
            if (v.outcome() == Outcome.PASS) {
                passes++;
            } else if (v.outcome() == Outcome.FAIL) {
                fails++;
            }
            sum += v.error() ? 0 : v.score();
        }
        Grading grading = Spend.of(votes);
        if (passes + fails == 0) {
            return new Judgment(Outcome.ERROR, 0, votes.getFirst().reason(), votes, grading);
        }
        Outcome outcome = passes > fails ? Outcome.PASS : Outcome.FAIL;
        Vote decider = votes.stream().filter(v -> v.outcome() == outcome).findFirst().orElseThrow();
        String reason = label(decider) + decider.reason();
        if (votes.size() > 1) {
            reason = passes + " of " + votes.size() + " votes pass"
                    + (passes == fails ? " (a tie fails)" : "") + ": " + reason;
        }
        return new Judgment(outcome, sum / (passes + fails), reason, votes, grading);
    }

    private static String label(Vote v) {
        return v.relation() == null ? "" : "[" + v.relation() + "] ";
    }
}
