package dev.evalgate.cli;

import dev.evalgate.report.MarkdownText;

/**
 * User text made inert in GitHub-flavoured Markdown: one table cell that renders as the literal text.
 *
 * <p>Outputs and case ids are untrusted: a stray {@code |} breaks a table, a backtick opens a code span and
 * {@code <img onerror=…>} renders as HTML in a PR comment.
 */
final class Markdown {

    private Markdown() {
    }

    /** {@code text} on one line, at most {@code max} characters before escaping; null reads "(not kept)". */
    static String cell(String text, int max) {
        if (text == null) {
            return "*(not kept)*";
        }
        return MarkdownText.cell(text, max);
    }

    /** A table row of already-escaped cells. */
    static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
