package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the model-graded assertions of every case into {@code judge} scorers. evalgate's judge scorer grades
 * every case, so a slot (the n-th assertion of one type in a case) becomes a scorer only when every case has it;
 * one rubric for all is written inline, differing ones are read from each case ({@code rubric_var}).
 */
final class JudgeSlots {

    /** One case's judged assertions, keyed by slot such as {@code llm-rubric#1}. */
    private final List<Map<String, Mapped.Judged>> perCase = new ArrayList<>();
    private final Map<String, ConfigNode> firstSeen = new LinkedHashMap<>();
    private ConfigNode provider;

    void add(List<Mapped.Judged> judged) {
        Map<String, Mapped.Judged> slots = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Mapped.Judged j : judged) {
            int n = counts.merge(j.type(), 1, Integer::sum);
            String slot = j.type() + "#" + n;
            slots.put(slot, j);
            firstSeen.putIfAbsent(slot, j.node());
            if (provider == null && j.provider() != null) {
                provider = j.provider();
            }
        }
        perCase.add(slots);
    }

    /** The grading provider an assertion named, or null. */
    ConfigNode provider() {
        return provider;
    }

    /**
     * The judge scorers, each a map of the scorer's options; fields to add to each case go into {@code caseFields}
     * (one map per case, in order); slots not on every case are recorded as not imported.
     */
    List<Map<String, Object>> scorers(String judgeId, List<Map<String, Object>> caseFields, Findings findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        boolean reference = false;
        for (var slot : firstSeen.entrySet()) {
            String key = slot.getKey();
            long covered = perCase.stream().filter(c -> c.containsKey(key)).count();
            String type = key.substring(0, key.indexOf('#'));
            if (covered < perCase.size()) {
                findings.skip(slot.getValue(), "assertion " + type, "appears in " + covered + " of " + perCase.size()
                        + " cases; evalgate's judge scorer grades every case of a suite, so a rubric for some "
                        + "tests only has no counterpart (put it in defaultTest, or in every test)");
                continue;
            }
            Mapped.Judged first = perCase.getFirst().get(key);
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("judge", judgeId);
            options.put("name", key.replace("#", "-"));
            if (first.mode().equals("reference")) {
                if (reference) {
                    findings.skip(slot.getValue(), "assertion " + type, "a case has one reference answer; only its "
                            + "first factuality assertion is imported");
                    continue;
                }
                reference = true;
                options.put("mode", "reference");
                for (int i = 0; i < perCase.size(); i++) {
                    caseFields.get(i).put("expected", perCase.get(i).get(key).text());
                }
            } else if (perCase.stream().allMatch(c -> c.get(key).text().equals(first.text()))) {
                options.put("rubric", Templates.literal(first.text()));
            } else {
                String field = "rubric_" + key.replace("#", "_").replace('-', '_');
                options.put("rubric_var", field);
                for (int i = 0; i < perCase.size(); i++) {
                    caseFields.get(i).put(field, perCase.get(i).get(key).text());
                }
            }
            out.add(options);
        }
        return out;
    }
}
