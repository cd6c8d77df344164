package dev.evalgate.cli.imports.promptfoo;

import java.util.List;

/**
 * What importing one promptfoo config produced.
 *
 * @param suite      the evalgate suite file's text, or null when nothing runnable was found
 * @param cases      the dataset, one JSON object per line
 * @param candidates how many targets the suite holds (prompts x providers)
 * @param skipped    what was not carried over, each with file, line and why
 * @param notes      what was carried over with a change the user should know of
 */
public record Translation(String suite, List<String> cases, int candidates, List<Skipped> skipped,
                          List<String> notes) {

    /** Whether everything was carried over. */
    public boolean complete() {
        return skipped.isEmpty();
    }

    /** The lines printed for what was not carried over. */
    public List<String> skippedLines() {
        return skipped.stream().map(Skipped::text).toList();
    }
}
