package dev.evalgate.store;

import java.nio.file.Path;

/**
 * Where a suite's store is: the {@code EVALGATE_STORE} environment variable, else the suite's configured value,
 * else the SQLite file {@value #DEFAULT_FILE} beside the suite.
 */
public final class StoreLocation {

    public static final String ENV = "EVALGATE_STORE";
    public static final String DEFAULT_FILE = ".evalgate/evalgate.db";

    private StoreLocation() {
    }

    /**
     * The setting to pass to {@link Store#open}. The environment wins so CI can point every suite at a team
     * database without editing files; a relative configured path is resolved against the suite's directory.
     */
    public static String resolve(String configured, String environment, Path suiteDir) {
        if (environment != null && !environment.isBlank()) {
            return environment.strip();
        }
        if (configured != null && !configured.isBlank()) {
            String value = configured.strip();
            return value.startsWith("jdbc:") ? value : suiteDir.resolve(value).toString();
        }
        return suiteDir.resolve(DEFAULT_FILE).toString();
    }
}
