package dev.evalgate.browser;

import java.nio.file.Path;

/** Where the tests leave their screenshots: build artifacts for a person (or CI) to look at. */
final class Screenshots {

    private Screenshots() {
    }

    static Path directory() {
        return Path.of(System.getProperty("evalgate.screenshots", "target/screenshots"));
    }
}
