package dev.evalgate.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL started from Maven artifacts, a fresh database per test. */
class PostgresStoreIT extends StoreContract {

    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    protected String newStoreUrl() throws Exception {
        return postgres.freshDatabase("store");
    }
}
