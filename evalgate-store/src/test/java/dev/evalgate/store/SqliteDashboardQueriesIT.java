package dev.evalgate.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The dashboard queries on a SQLite file. */
class SqliteDashboardQueriesIT extends DashboardQueriesContract {

    @TempDir
    Path dir;

    @Override
    protected String newStoreUrl() {
        return dir.resolve("evalgate.db").toString();
    }
}
