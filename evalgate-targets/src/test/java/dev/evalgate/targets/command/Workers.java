package dev.evalgate.targets.command;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the test workers live and how to run them with the JVM running the tests. */
final class Workers {

    private Workers() {
    }

    /** The folder holding the single-file worker programs. */
    static Path folder() {
        try {
            return Path.of(Workers.class.getResource("/workers/EchoWorker.java").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The java launcher of this JVM, which runs a single source file as a program. */
    static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    /** YAML for a command target running {@code source} from the workers folder, with extra option lines. */
    static String yaml(String source, String more) {
        return """
                command: ["%s", "-XX:TieredStopAtLevel=1", "-Xshare:auto", %s]
                cwd: %s
                %s
                """.formatted(java(), source, folder().getFileName(), more);
    }
}
