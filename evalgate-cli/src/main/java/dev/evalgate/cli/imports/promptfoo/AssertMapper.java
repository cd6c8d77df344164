package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps one promptfoo assertion, with the case's variables filled into its value, onto an evalgate scorer check,
 * a judge, a gate budget, or a finding saying why it was left out.
 */
final class AssertMapper {

    private final Path baseDir;
    private final Findings findings;

    AssertMapper(Path baseDir, Findings findings) {
        this.baseDir = baseDir;
        this.findings = findings;
    }

    Mapped map(ConfigNode node, Map<String, Object> vars) {
        if (!(node instanceof ConfigNode.Mapping m) || !(m.entries().get("type") instanceof ConfigNode.Scalar t)
                || t.isNull()) {
            return left(node, "assertion", "needs a 'type'");
        }
        String written = t.value().trim();
        boolean negate = written.startsWith("not-");
        String type = negate ? written.substring(4) : written;
        Map<String, ConfigNode> keys = m.entries();
        for (String key : keys.keySet()) {
            if (!List.of("type", "value", "threshold", "weight", "provider", "metric").contains(key)) {
                return left(keys.get(key), "assertion " + written, "its '" + key + "' has no counterpart");
            }
        }
        ConfigNode valueNode = keys.get("value");
        Object value = valueNode == null ? null : fill(PfYaml.plain(valueNode), vars);
        Double threshold = keys.get("threshold") == null ? null : number(keys.get("threshold"));
        if (AssertTypes.JUDGED.contains(type)) {
            if (negate || !(value instanceof String text)) {
                return left(node, "assertion " + written, negate ? "a negated model-graded assertion has no "
                        + "counterpart in the judge scorer" : "needs a text value");
            }
            return new Mapped.Judged(type, type.equals("factuality") ? "reference" : "rubric", text,
                    keys.get("provider"), node);
        }
        if (type.equals("cost") || type.equals("latency")) {
            if (negate || threshold == null) {
                return left(node, "assertion " + written, "needs a 'threshold' (and cannot be negated)");
            }
            return new Mapped.Budget(type.equals("cost") ? "cost_per_request_usd" : "p95_latency_ms", threshold);
        }
        if (!AssertTypes.DETERMINISTIC.contains(type)) {
            String why = switch (type) {
                case "javascript", "python" -> "a " + (type.equals("python") ? "Python" : "JavaScript")
                        + " assertion runs code evalgate cannot run; port it to a scorer (dev.evalgate.score"
                        + ".ScorerKind) or a regex/JSON check";
                default -> "evalgate has no scorer with the same verdicts for '" + type + "'";
            };
            return left(node, "assertion " + written, why);
        }
        Map<String, Object> item = check(node, type, value, threshold);
        if (item == null) {
            return new Mapped.Left();
        }
        if (negate) {
            item.put("negate", true);
        }
        if (keys.get("weight") != null) {
            Double weight = number(keys.get("weight"));
            item.put("weight", weight == null ? 1 : weight);
        }
        item.put("name", written);
        return new Mapped.Check(item);
    }

    private Map<String, Object> check(ConfigNode node, String type, Object value, Double threshold) {
        Map<String, Object> item = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        boolean needsValue = !type.equals("is-json") && !type.equals("contains-json");
        if (needsValue && (value == null || value instanceof String s && s.isEmpty())) {
            findings.skip(node, "assertion " + type, "needs a value");
            return null;
        }
        switch (type) {
            case "equals" -> {
                if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
                    findings.skip(node, "assertion equals", "compares JSON values; evalgate's equals compares text");
                    return null;
                }
                item.put("scorer", "equals");
                options.put("normalize", List.of());
                item.put("expected", String.valueOf(value));
            }
            case "contains", "icontains" -> {
                item.put("scorer", "contains");
                options.put("value", String.valueOf(value));
                options.put("ignore_case", type.equals("icontains"));
            }
            case "contains-any", "contains-all", "icontains-any", "icontains-all" -> {
                item.put("scorer", "contains");
                options.put("value", values(value));
                options.put("match", type.endsWith("any") ? "any" : "all");
                options.put("ignore_case", type.startsWith("i"));
            }
            case "regex" -> {
                item.put("scorer", "regex");
                options.put("value", String.valueOf(value));
            }
            case "starts-with" -> {
                item.put("scorer", "regex");
                options.put("value", "^" + Pattern.quote(String.valueOf(value)));
            }
            case "is-json", "contains-json" -> {
                Object schema = value instanceof String s && s.startsWith("file://") ? schemaFile(node, s) : value;
                item.put("scorer", schema == null ? "json-valid" : "json-schema");
                if (schema != null) {
                    options.put("schema", schema instanceof String s ? s : MiniJson.write(schema));
                }
                if (type.equals("contains-json")) {
                    options.put("extract", true);
                }
            }
            case "levenshtein" -> {
                item.put("scorer", "edit-distance");
                options.put("max_distance", threshold == null ? 5 : (int) Math.floor(threshold));
                options.put("normalize", List.of());
                item.put("expected", String.valueOf(value));
            }
            case "similar" -> {
                item.put("scorer", "similarity");
                options.put("threshold", threshold == null ? 0.75 : threshold);
                item.put("expected", value instanceof List<?> l ? l : String.valueOf(value));
            }
            default -> throw new IllegalStateException(type);
        }
        if (!options.isEmpty()) {
            item.put("options", options);
        }
        return item;
    }

    private String schemaFile(ConfigNode node, String ref) {
        Path file = SourceFiles.matching(baseDir, ref.substring(7), node).getFirst();
        return PfYaml.text(file);
    }

    /** A list value, or promptfoo's comma-separated text. */
    private static List<String> values(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        List<String> out = new ArrayList<>();
        for (String part : String.valueOf(value).split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static Object fill(Object value, Map<String, Object> vars) {
        return switch (value) {
            case String s -> Templates.fill(s, vars);
            case List<?> l -> l.stream().map(v -> fill(v, vars)).toList();
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), fill(v, vars)));
                yield out;
            }
            case null, default -> value;
        };
    }

    private static Double number(ConfigNode node) {
        try {
            return node instanceof ConfigNode.Scalar s && !s.isNull() ? Double.valueOf(s.value().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Mapped left(ConfigNode node, String what, String why) {
        findings.skip(node, what, why);
        return new Mapped.Left();
    }
}
