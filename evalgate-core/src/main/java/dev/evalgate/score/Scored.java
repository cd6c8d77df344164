package dev.evalgate.score;

import java.util.List;

/**
 * Every scorer's judgement of one output, folded into one outcome and value.
 *
 * @param outcome ERROR if any scorer errored, else PASS if all passed, else FAIL
 * @param value   the mean of the scores' values
 * @param scores  one per configured scorer, in configuration order
 */
public record Scored(Outcome outcome, double value, List<Score> scores) {
    public Scored {
        scores = List.copyOf(scores);
    }
}
