package dev.evalgate.cli.imports.promptfoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for {@link ExecBridge}, which runs with the JDK alone: values in (objects, arrays, texts,
 * numbers, booleans, null) and out.
 */
final class MiniJson {

    private final String text;
    private int at;

    MiniJson(String text) {
        this.text = text;
    }

    Object value() {
        skipSpace();
        char c = text.charAt(at);
        if (c == '{') {
            Map<String, Object> out = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (text.charAt(at) == '}') {
                at++;
                return out;
            }
            do {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                out.put(key, value());
                skipSpace();
            } while (text.charAt(at++) == ',');
            return out;
        }
        if (c == '[') {
            List<Object> out = new ArrayList<>();
            at++;
            skipSpace();
            if (text.charAt(at) == ']') {
                at++;
                return out;
            }
            do {
                out.add(value());
                skipSpace();
            } while (text.charAt(at++) == ',');
            return out;
        }
        if (c == '"') {
            return string();
        }
        int start = at;
        while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String word = text.substring(start, at);
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> Double.valueOf(word);
        };
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        char c;
        while ((c = text.charAt(at++)) != '"') {
            if (c == '\\') {
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void expect(char c) {
        if (text.charAt(at++) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + (at - 1) + " in the request line");
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    static String write(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> m -> {
                StringBuilder out = new StringBuilder("{");
                m.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(write(String.valueOf(k)))
                        .append(':').append(write(v)));
                yield out.append('}').toString();
            }
            case List<?> l -> {
                StringBuilder out = new StringBuilder("[");
                l.forEach(v -> out.append(out.length() > 1 ? "," : "").append(write(v)));
                yield out.append(']').toString();
            }
            case Boolean b -> b.toString();
            case Double d when d == Math.rint(d) && !d.isInfinite() -> Long.toString(d.longValue());
            case Number n -> n.toString();
            default -> quote(value.toString());
        };
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
