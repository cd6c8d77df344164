package dev.evalgate.cli.imports.promptfoo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pairs every prompt with every provider, as promptfoo does: one evalgate target per pair, each with a unique id
 * and, when there are several prompts, its own prompt.
 */
final class Candidates {

    private Candidates() {
    }

    static List<Map<String, Object>> of(List<PfTarget> targets, List<PfPrompt> prompts) {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (PfTarget target : targets) {
            for (int p = 0; p < prompts.size(); p++) {
                PfPrompt prompt = prompts.get(p);
                String id = slug(target.name());
                if (prompts.size() > 1) {
                    id += "-" + (prompt.label() != null ? slug(prompt.label()) : "p" + (p + 1));
                }
                String unique = id;
                for (int n = 2; !ids.add(unique); n++) {
                    unique = id + "-" + n;
                }
                Map<String, Object> options = new LinkedHashMap<>();
                options.put("id", unique);
                options.putAll(target.options());
                if (prompts.size() > 1) {
                    options.put("prompt", shape(prompt));
                }
                out.add(options);
            }
        }
        return out;
    }

    /** The prompt as the suite writes it: the user text, or system and user. */
    static Object shape(PfPrompt prompt) {
        if (prompt.system() == null) {
            return prompt.user();
        }
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("system", prompt.system());
        both.put("user", prompt.user());
        return both;
    }

    /** Letters, digits, '.', '_' and '-' only, as target ids allow. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return s.isEmpty() ? "target" : s;
    }
}
