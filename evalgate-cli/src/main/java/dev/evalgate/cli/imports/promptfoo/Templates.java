package dev.evalgate.cli.imports.promptfoo;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Promptfoo's Nunjucks placeholders read as evalgate's {@code {{var}}} ones, where the two agree. */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][\\w.]*)\\s*}}");
    private static final Pattern ENV = Pattern.compile("\\{\\{\\s*env\\.([A-Za-z_]\\w*)\\s*}}");

    private Templates() {
    }

    /**
     * Why this template cannot be carried over (Nunjucks filters, tags, comments, expressions), or null when every
     * placeholder is a plain variable.
     */
    static String unsupported(String text) {
        if (text.contains("{%")) {
            return "uses Nunjucks tags ({% ... %}), which evalgate's {{var}} templates do not have";
        }
        if (text.contains("{#")) {
            return "uses Nunjucks comments ({# ... #}), which evalgate's {{var}} templates do not have";
        }
        int from = 0;
        int open;
        while ((open = text.indexOf("{{", from)) >= 0) {
            int close = text.indexOf("}}", open);
            if (close < 0) {
                return null;
            }
            String inside = text.substring(open, close + 2);
            if (!PLACEHOLDER.matcher(inside).matches()) {
                return "uses the Nunjucks expression " + inside + " (filters and expressions have no counterpart "
                        + "in evalgate's {{var}} templates)";
            }
            from = close + 2;
        }
        return null;
    }

    /**
     * {@code {{ name }}} as {@code {{name}}}, and a literal {@code ${} written {@code $${} so the suite does not
     * read it as an environment reference.
     */
    static String normalized(String text) {
        return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement("{{" + m.group(1) + "}}"))
                .replace("${", "$${");
    }

    /** A literal {@code ${} written {@code $${}, for text written into the suite as it is. */
    static String literal(String text) {
        return text.replace("${", "$${");
    }

    /** {@code {{env.NAME}}} as evalgate's environment reference {@code ${NAME}}; other text as it is. */
    static String envRefs(String text) {
        return ENV.matcher(text).replaceAll(m -> Matcher.quoteReplacement("${" + m.group(1) + "}"));
    }

    /** Whether the text holds an {@code {{env.NAME}}} reference. */
    static boolean hasEnv(String text) {
        return ENV.matcher(text).find();
    }

    /** Fills plain placeholders from {@code vars}, leaving unknown ones as written (an assertion's value). */
    static String fill(String text, Map<String, Object> vars) {
        return PLACEHOLDER.matcher(text).replaceAll(m -> {
            Object value = vars.get(m.group(1));
            return Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value));
        });
    }
}
