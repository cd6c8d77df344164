package dev.evalgate.report;

/**
 * Text made safe for XML 1.0: every character the XML 1.0 {@code Char} production forbids becomes U+FFFD.
 *
 * <p>Model output is untrusted and may hold NUL, ANSI escapes or lone surrogates; {@code XMLStreamWriter} escapes
 * markup but passes those through, and a single one makes the whole report unparseable for a CI server.
 */
final class XmlText {

    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** {@code text} with forbidden characters replaced; empty text for null. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair || allowed(c)) {
                if (sb != null) {
                    sb.append(c);
                    if (pair) {
                        sb.append(text.charAt(i + 1));
                    }
                }
                if (pair) {
                    i++;
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            sb.append(REPLACEMENT);
        }
        return sb == null ? text : sb.toString();
    }

    /** A BMP character XML 1.0 accepts on its own (surrogates only count in a pair, checked by the caller). */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
