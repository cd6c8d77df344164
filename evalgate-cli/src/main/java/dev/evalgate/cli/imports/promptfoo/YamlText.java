package dev.evalgate.cli.imports.promptfoo;

import java.util.List;
import java.util.Map;

/**
 * Writes nested maps, lists and scalars as block YAML. Texts are written double-quoted with JSON escapes, which
 * YAML reads back exactly, so no prompt or value can change meaning on the way into the suite.
 */
final class YamlText {

    private final StringBuilder out = new StringBuilder();

    static String of(Map<String, Object> root) {
        YamlText yaml = new YamlText();
        yaml.mapping(root, 0);
        return yaml.out.toString();
    }

    private void mapping(Map<String, ?> map, int indent) {
        mapping(map, indent, false);
    }

    /** With {@code firstInline}, the first key follows a list item's dash on its line. */
    private void mapping(Map<String, ?> map, int indent, boolean firstInline) {
        boolean first = true;
        for (var entry : map.entrySet()) {
            out.append(first && firstInline ? " " : " ".repeat(indent)).append(entry.getKey()).append(':');
            value(entry.getValue(), indent);
            first = false;
        }
    }

    private void value(Object value, int indent) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('\n');
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) m;
            mapping(typed, indent + 2);
        } else if (value instanceof List<?> l && !l.isEmpty() && !l.stream().allMatch(YamlText::scalar)) {
            out.append('\n');
            for (Object item : l) {
                out.append(" ".repeat(indent + 2)).append("-");
                if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> typed = (Map<String, ?>) m;
                    mapping(typed, indent + 4, true);
                } else {
                    out.append(' ').append(inline(item)).append('\n');
                }
            }
        } else {
            out.append(' ').append(inline(value)).append('\n');
        }
    }

    private static boolean scalar(Object value) {
        return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
    }

    private static String inline(Object value) {
        if (value instanceof List<?> l) {
            StringBuilder flow = new StringBuilder("[");
            for (Object item : l) {
                flow.append(flow.length() > 1 ? ", " : "").append(inline(item));
            }
            return flow.append(']').toString();
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof Number || value instanceof Boolean || value == null) {
            return String.valueOf(value);
        }
        return MiniJson.write(String.valueOf(value));
    }
}
