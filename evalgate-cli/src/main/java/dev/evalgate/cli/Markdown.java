package dev.evalgate.cli;

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
        String line = Figures.line(text, max);
        StringBuilder sb = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '`' -> sb.append("&#96;");
                case '|' -> sb.append("\\|");
                case '\\', '*', '_', '[', ']', '~', '#', '!' -> sb.append('\\').append(c);
                default -> sb.append(Character.isISOControl(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    /** A table row of already-escaped cells. */
    static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
