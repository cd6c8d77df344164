package dev.evalgate.store;

import java.util.Locale;

/** Where a stored run stands: still being written (or crashed while it was), finished, or stopped early. */
public enum RunStatus {
    RUNNING, COMPLETE, INCOMPLETE;

    /** The value in the {@code runs.status} column. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
