package dev.evalgate.cli.imports.promptfoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Promptfoo's rule for list variables: a test with list values runs once per combination of their items. */
final class VarExpansion {

    private VarExpansion() {
    }

    static List<Map<String, Object>> of(Map<String, Object> vars) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var entry : vars.entrySet()) {
            List<?> choices = entry.getValue() instanceof List<?> l && !l.isEmpty() ? l
                    : java.util.Collections.singletonList(entry.getValue());
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object choice : choices) {
                    Map<String, Object> more = new LinkedHashMap<>(partial);
                    more.put(entry.getKey(), choice);
                    next.add(more);
                }
            }
            out = next;
        }
        return out;
    }
}
