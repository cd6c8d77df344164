package dev.evalgate.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: write a dataset file, read every case of a dataset. */
final class Cases {

    private Cases() {
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> readAll(Dataset dataset) {
        List<Case> cases = new ArrayList<>();
        try (CaseReader reader = dataset.open()) {
            reader.forEachRemaining(cases::add);
        }
        return cases;
    }

    static List<Case> readFile(Path file) {
        return readAll(DatasetFiles.open(file));
    }

    static List<String> ids(List<Case> cases) {
        return cases.stream().map(Case::id).toList();
    }
}
