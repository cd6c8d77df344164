package dev.evalgate.cli;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoreLocation;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code --store} option shared by the commands that read stored runs, and where the store is without it.
 *
 * <p>The flag wins, then {@code EVALGATE_STORE}, then the suite's {@code store:}, then
 * {@value StoreLocation#DEFAULT_FILE} beside the suite (commands that take no suite use ./evalgate.yaml's).
 */
final class StoreOption {

    @Option(names = "--store", paramLabel = "URL|PATH",
            description = "The store: a SQLite file or a jdbc: URL (default: $EVALGATE_STORE, else "
                    + StoreLocation.DEFAULT_FILE + " beside the suite)")
    String store;

    /**
     * The setting {@link Store#open} takes: --store, else $EVALGATE_STORE, else the suite file's {@code store:},
     * else the default file beside the suite, exactly as {@code run} chooses.
     */
    String setting(Path suiteFile) {
        if (store != null && !store.isBlank()) {
            return store.strip();
        }
        Path suiteDir = suiteFile.toAbsolutePath().getParent();
        return StoreLocation.resolve(configured(suiteFile), System.getenv(StoreLocation.ENV), suiteDir);
    }

    /** The suite's {@code store:} value, or null when the file is absent or has none. */
    private static String configured(Path suiteFile) {
        if (!Files.isRegularFile(suiteFile)) {
            return null;
        }
        Interpolator lenient = new Interpolator(name -> Objects.requireNonNullElse(System.getenv(name), ""));
        ConfigNode root = YamlTree.read(suiteFile, lenient);
        return root instanceof ConfigNode.Mapping map && map.entries().get("store") instanceof ConfigNode.Scalar s
                && !s.isNull() ? s.value() : null;
    }

    /**
     * Opens the store of the suite in {@code suiteFile} to read runs from; a SQLite file that does not exist yet is
     * an error, not an empty store.
     */
    Store openExisting(Path suiteFile) {
        String setting = setting(suiteFile);
        Path file = sqliteFile(setting);
        if (file != null && !Files.exists(file)) {
            throw new ConfigException("no store at " + file + "; run 'evalgate run' first or pass --store");
        }
        return Store.open(setting);
    }

    /** Opens the store of commands that take no suite: the one of the current folder. */
    Store openExisting() {
        return openExisting(Path.of("").toAbsolutePath().resolve("evalgate.yaml"));
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
