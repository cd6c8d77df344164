package dev.evalgate.run;

/** Asks a run to stop taking new cases; set from a Ctrl-C handler or a test. */
public final class CancelToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }
}
