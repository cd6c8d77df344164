package dev.evalgate.score;

import dev.evalgate.dataset.Case;

/**
 * Judges one output of one case. Scorers are pure and thread-safe: the runner calls them from many threads.
 */
@FunctionalInterface
public interface Scorer {
    Score score(Case kase, String output);

    /**
     * Judges an output that ended a conversation, {@code exchange} holding its turns and tool calls. Scorers of
     * the final text need not override it; tool-call scorers do.
     */
    default Score score(Case kase, String output, dev.evalgate.tools.Exchange exchange) {
        return score(kase, output);
    }

    /**
     * Whether this scorer compares against each case's expected answer. A dataset without one is then refused when
     * it is opened, before any target is called, instead of erroring case by case after each (paid) call.
     */
    default boolean needsExpected() {
        return false;
    }

    /**
     * The id this scorer's scores carry when its options name it (a suite with two judges names each); null to go
     * by its kind's id.
     */
    default String name() {
        return null;
    }
}
