package dev.evalgate.junit;

import dev.evalgate.dataset.Case;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Suite files over {@link SampleCases} whose {@code java} target is wrong on a known share of cases. */
final class SampleSuites {

    private SampleSuites() {
    }

    /** The {@code java} target of the suites: wrong on every {@code every}-th case, erroring there with {@code error}. */
    public static final class WrongEvery implements Target {
        private final int every;
        private final boolean error;

        public WrongEvery(Map<String, String> options) {
            this.every = Integer.parseInt(options.getOrDefault("every", "10"));
            this.error = Boolean.parseBoolean(options.getOrDefault("error", "false"));
        }

        @Override
        public Reply call(Request request) {
            int i = Integer.parseInt(request.userText().substring("question ".length()));
            if (i % every == 0 && error) {
                throw new IllegalStateException("case " + i + " is not supported");
            }
            return Reply.of(i % every == 0 ? "no idea" : "answer " + i);
        }

        @Override
        public boolean cacheable() {
            return false;
        }
    }

    /**
     * Writes {@code dir/<file>} (and the cases beside it): suite {@code name}, target {@code router} wrong on every
     * {@code every}-th case, scored by equals, with {@code gate} as its gate section.
     */
    static Path write(Path dir, String file, String name, int every, boolean error, String gate) throws IOException {
        Files.createDirectories(dir);
        String cases = SampleCases.cases().stream().map(SampleSuites::jsonLine).collect(Collectors.joining("\n"));
        Files.writeString(dir.resolve("cases.jsonl"), cases + "\n");
        String yaml = """
                suite: %s
                dataset: cases.jsonl
                targets:
                  - id: router
                    type: java
                    class: dev.evalgate.junit.SampleSuites$WrongEvery
                    options: { every: "%d", error: "%s" }
                scorers: [ equals ]
                gate:
                %s
                """.formatted(name, every, error, gate.indent(2).stripTrailing());
        return Files.writeString(dir.resolve(file), yaml);
    }

    private static String jsonLine(Case c) {
        return "{\"id\": \"" + c.id() + "\", \"input\": \"" + c.vars().get("input") + "\", \"expected\": \""
                + c.expected().primary() + "\"}";
    }
}
