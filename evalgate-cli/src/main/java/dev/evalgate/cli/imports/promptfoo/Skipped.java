package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

/**
 * One thing of a promptfoo config the import did not carry over: where it is, what it is and why.
 *
 * @param file the file it was read from
 * @param line 1-based, 0 when unknown
 */
record Skipped(String file, int line, String what, String why) {

    static Skipped at(ConfigNode node, String what, String why) {
        return new Skipped(node.file(), node.line(), what, why);
    }

    /** {@code file:line: what: why}, the line printed for it. */
    String text() {
        return file + (line > 0 ? ":" + line : "") + ": " + what + ": " + why;
    }
}
