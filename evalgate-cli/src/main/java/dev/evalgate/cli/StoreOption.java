package dev.evalgate.cli;

import dev.evalgate.error.ConfigException;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoreLocation;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --store} option shared by the commands that read stored runs, and where the store is without it.
 *
 * <p>The flag wins, then {@code EVALGATE_STORE}, then {@value StoreLocation#DEFAULT_FILE} beside the suite (or
 * in the current folder for commands that take no suite).
 */
final class StoreOption {

    @Option(names = "--store", paramLabel = "URL|PATH",
            description = "The store: a SQLite file or a jdbc: URL (default: $EVALGATE_STORE, else "
                    + StoreLocation.DEFAULT_FILE + " beside the suite)")
    String store;

    /** The setting {@link Store#open} takes, for a suite in {@code suiteDir}. */
    String setting(Path suiteDir) {
        if (store != null && !store.isBlank()) {
            return store.strip();
        }
        return StoreLocation.resolve(null, System.getenv(StoreLocation.ENV), suiteDir);
    }

    /** Opens the store to read runs from; a SQLite file that does not exist yet is an error, not an empty store. */
    Store openExisting(Path suiteDir) {
        String setting = setting(suiteDir);
        Path file = sqliteFile(setting);
        if (file != null && !Files.exists(file)) {
            throw new ConfigException("no store at " + file + "; run 'evalgate run' first or pass --store");
        }
        return Store.open(setting);
    }

    /** Opens the store of commands that take no suite: the one of the current folder. */
    Store openExisting() {
        return openExisting(Path.of("").toAbsolutePath());
    }

    /** The SQLite file a setting names, or null for a server database. */
    private static Path sqliteFile(String setting) {
        if (setting.startsWith("jdbc:sqlite:")) {
            String rest = setting.substring("jdbc:sqlite:".length());
            int query = rest.indexOf('?');
            rest = query < 0 ? rest : rest.substring(0, query);
            return rest.isEmpty() || rest.startsWith(":memory:") ? null : Path.of(rest);
        }
        return setting.startsWith("jdbc:") ? null : Path.of(setting);
    }
}
