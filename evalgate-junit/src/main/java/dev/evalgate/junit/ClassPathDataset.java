package dev.evalgate.junit;

import dev.evalgate.error.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A dataset file found on the class path, e.g. {@code src/test/resources/tickets.jsonl} as {@code "tickets.jsonl"}.
 *
 * <p>A resource in a folder (Maven's {@code target/test-classes}) is read where it is; one inside a jar is copied
 * to a temporary file first, keeping its name so the format is still known from the extension.
 */
final class ClassPathDataset {

    private ClassPathDataset() {
    }

    static Path locate(String name) {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        URL url = loader().getResource(resource);
        if (url == null) {
            throw new ConfigException("datasetResource(\"" + name + "\"): there is no '" + resource + "' on the"
                    + " class path; put the file under src/test/resources/" + resource + " (or pass a file with"
                    + " dataset(Path))");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            Path copy = Files.createTempDirectory("evalgate-dataset-").resolve(fileName);
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            copy.toFile().deleteOnExit();
            copy.getParent().toFile().deleteOnExit();
            return copy;
        } catch (IOException | URISyntaxException e) {
            throw new ConfigException("datasetResource(\"" + name + "\"): cannot read " + url + ": " + e.getMessage());
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClassPathDataset.class.getClassLoader();
    }
}
