package dev.evalgate.cli;

import dev.evalgate.compare.BaselineFile;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.Store;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where a command reads a run from: a stored run by id, {@code last}, or a baseline file (a path ending in
 * {@code .json}). The store is opened only when a stored run is asked for, so comparing two files needs none.
 */
final class RunSource {

    private final Supplier<Store> opener;
    private Store store;

    RunSource(Supplier<Store> opener) {
        this.opener = opener;
    }

    /** True when {@code ref} names a baseline file rather than a stored run. */
    static boolean isFile(String ref) {
        return ref.endsWith(".json");
    }

    RunRecord load(String ref) {
        if (isFile(ref)) {
            return BaselineFile.read(Path.of(ref));
        }
        return RunRecords.load(store(), ref);
    }

    Store store() {
        if (store == null) {
            store = opener.get();
        }
        return store;
    }
}
