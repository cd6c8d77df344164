package dev.evalgate.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The rule for a machine without the system Chromium: a developer's build skips the browser tests with one line
 * saying how to install it, while CI (the {@code CI} environment variable is set) fails, so a broken CI image
 * cannot pass by testing nothing.
 */
record ChromiumRequirement(Path executable, Map<String, String> env) {

    static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    static ChromiumRequirement ofThisMachine() {
        return new ChromiumRequirement(SYSTEM_CHROMIUM, System.getenv());
    }

    /** Returns the executable, or aborts (locally) or fails (in CI) when it is missing. */
    Path check() {
        if (Files.isExecutable(executable)) {
            return executable;
        }
        String message = "browser tests need Chromium at " + executable + "; install it with: apt-get install -y chromium";
        String ci = env.get("CI");
        if (ci != null && !ci.isBlank()) {
            return Assertions.fail(message + " (CI is set, so a missing browser fails the build instead of skipping)");
        }
        Assumptions.abort(message);
        return executable;
    }
}
