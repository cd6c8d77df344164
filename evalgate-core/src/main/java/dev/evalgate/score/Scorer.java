package dev.evalgate.score;

import dev.evalgate.dataset.Case;

/**
 * Judges one output of one case. Scorers are pure and thread-safe: the runner calls them from many threads.
 */
@FunctionalInterface
public interface Scorer {
    Score score(Case kase, String output);
}
