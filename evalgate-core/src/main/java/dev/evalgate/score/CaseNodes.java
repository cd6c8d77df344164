package dev.evalgate.score;

import dev.evalgate.config.ConfigNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a case variable's value (maps, lists, scalars read from a dataset) into config nodes a scorer kind reads. */
final class CaseNodes {

    private CaseNodes() {
    }

    static ConfigNode of(Object value, String source, String path) {
        if (value instanceof Map<?, ?> map) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(String.valueOf(k), of(v, source, path + "." + k)));
            return new ConfigNode.Mapping(source, 0, path, entries);
        }
        if (value instanceof List<?> list) {
            List<ConfigNode> items = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                items.add(of(list.get(i), source, path + "[" + i + "]"));
            }
            return new ConfigNode.Sequence(source, 0, path, items);
        }
        return new ConfigNode.Scalar(source, 0, path, value == null ? null : String.valueOf(value), false);
    }
}
