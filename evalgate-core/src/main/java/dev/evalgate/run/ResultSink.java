package dev.evalgate.run;

/**
 * Where case results go as they complete: a results file, the store, a progress bar.
 *
 * <p>{@link #accept} is called from many threads; implementations synchronise as they need.
 */
public interface ResultSink extends AutoCloseable {

    void accept(CaseResult result);

    /**
     * A sink that runs this one's code on each result and keeps nothing, so the harness warm-up can warm it with
     * results it throws away; null (the default) when there is nothing worth warming or nothing can be done without
     * keeping it (a database, a terminal).
     */
    default ResultSink rehearsal() {
        return null;
    }

    @Override
    default void close() {
    }
}
