package dev.evalgate.run;

/**
 * Where case results go as they complete: a results file, the store, a progress bar.
 *
 * <p>{@link #accept} is called from many threads; implementations synchronise as they need.
 */
public interface ResultSink extends AutoCloseable {

    void accept(CaseResult result);

    @Override
    default void close() {
    }
}
