package dev.evalgate.store;

import dev.evalgate.error.EvalgateException;

/**
 * A failure of the store itself: the database could not be reached, migrated, written or read.
 *
 * <p>Messages name the store (its URL with any password removed), what was being done and the database's reason.
 */
public class StoreException extends EvalgateException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
