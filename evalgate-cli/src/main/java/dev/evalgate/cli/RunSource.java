package dev.evalgate.cli;

import dev.evalgate.compare.BaselineFile;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.error.ConfigException;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoreLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a command reads a run from: a stored run by id, {@code last}, or a baseline file (a path ending in
 * {@code .json}). The store is opened only when a stored run is asked for, so comparing two files needs none.
 *
 * <p>A relative file path is looked up in the current folder first, then in the suite's folder when the command
 * has a suite, so {@code --baseline baselines/main.json} works from the repository root and beside the suite.
 */
final class RunSource {

    private final Supplier<Store> opener;
    private Path suiteDir;
    private Store store;

    RunSource(Supplier<Store> opener) {
        this(opener, null);
    }

    /** A source that also looks for relative files in {@code suiteDir} (null for the current folder only). */
    RunSource(Supplier<Store> opener, Path suiteDir) {
        this.opener = opener;
        this.suiteDir = suiteDir;
    }

    /**
     * Also looks for relative files in the folder the default store sits in ({@code <suite>/.evalgate/evalgate.db}),
     * for a command that has no suite file but found its run in such a store; no effect with a suite folder known.
     */
    void guessSuiteDirFromStore() {
        if (suiteDir != null) {
            return;
        }
        String location = store().location();
        String prefix = "jdbc:sqlite:";
        if (!location.startsWith(prefix)) {
            return;
        }
        Path db = Path.of(location.substring(prefix.length())).toAbsolutePath().normalize();
        Path folder = db.getParent();
        if (folder != null && folder.getFileName() != null
                && folder.getFileName().toString().equals(Path.of(StoreLocation.DEFAULT_FILE).getParent().toString())) {
            suiteDir = folder.getParent();
        }
    }

    /** True when {@code ref} names a baseline file rather than a stored run. */
    static boolean isFile(String ref) {
        return ref.endsWith(".json");
    }

    RunRecord load(String ref) {
        if (isFile(ref)) {
            return BaselineFile.read(file(ref));
        }
        return RunRecords.load(store(), ref);
    }

    /** The file {@code ref} names: as given from the current folder, else beside the suite; an error names both. */
    Path file(String ref) {
        Path given = Path.of(ref);
        List<Path> tried = new ArrayList<>();
        tried.add(given.toAbsolutePath().normalize());
        if (!given.isAbsolute() && suiteDir != null) {
            Path beside = suiteDir.toAbsolutePath().resolve(given).normalize();
            if (!tried.contains(beside)) {
                tried.add(beside);
            }
        }
        for (Path candidate : tried) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ConfigException("baseline file " + ref + " not found; looked for "
                + String.join(" and ", tried.stream().map(Path::toString).toList())
                + ". Create it with: evalgate baseline save <run> " + ref);
    }

    Store store() {
        if (store == null) {
            store = opener.get();
        }
        return store;
    }
}
