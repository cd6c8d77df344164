package dev.evalgate.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract on a SQLite file in a temporary directory. */
class SqliteStoreIT extends StoreContract {

    @TempDir
    Path dir;

    @Override
    protected String newStoreUrl() {
        return dir.resolve(".evalgate/evalgate.db").toString();
    }
}
