package dev.evalgate.report;

/**
 * User text made inert inside GitHub-flavoured Markdown: one table cell that renders as the literal text.
 *
 * <p>Model output and case data are untrusted; in a PR comment a stray {@code |} would break the table, a
 * backtick open a code span and {@code <img onerror=…>} render as HTML. Markup characters become HTML entities or
 * backslash escapes, and whitespace runs (newlines included) fold to one space.
 */
public final class MarkdownText {

    private MarkdownText() {
    }

    /** {@code text} on one line, at most {@code max} characters before escaping, safe in a table cell. */
    public static String cell(String text, int max) {
        String line = Format.line(text, max);
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
}
