package dev.evalgate.prompt;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.evalgate.dataset.Case;
import dev.evalgate.error.ConfigException;
import dev.evalgate.target.RenderedPrompt;

import java.util.HashMap;
import java.util.Map;

/**
 * A prompt with {@code {{var}}} placeholders, a system part and a user part, filled from a case's variables.
 *
 * <p>Values are inserted as they are (no HTML escaping). A placeholder the case does not define is an error for
 * that case, never an empty string: a silently blank prompt would measure the wrong thing.
 */
public final class PromptTemplate {

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).strictSections(false);

    private final String systemSource;
    private final String userSource;
    private final Template system;
    private final Template user;

    private PromptTemplate(String systemSource, String userSource, String where) {
        this.systemSource = systemSource;
        this.userSource = userSource;
        this.system = systemSource == null ? null : compile(systemSource, where + ".system");
        this.user = compile(userSource, where + ".user");
    }

    /** Compiles both parts; {@code where} names the config key in errors. */
    public static PromptTemplate of(String system, String user, String where) {
        return new PromptTemplate(system, user, where);
    }

    private static Template compile(String source, String where) {
        String unclosed = unclosedPlaceholder(source);
        if (unclosed != null) {
            throw invalid(where, "'" + unclosed + "' has no closing '}}'");
        }
        try {
            return COMPILER.compile(source);
        } catch (MustacheException e) {
            throw invalid(where, e.getMessage());
        }
    }

    private static ConfigException invalid(String where, String problem) {
        return new ConfigException("key '" + where + "' is not a valid template: " + problem
                + ". Placeholders look like {{input}} or {{field}}.");
    }

    /**
     * The start of the first placeholder that is opened but never closed, or null. The compiler keeps such text as
     * it is, so the target would be sent it literally and the run would measure the wrong prompt.
     */
    private static String unclosedPlaceholder(String source) {
        int from = 0;
        int open;
        while ((open = source.indexOf("{{", from)) >= 0) {
            int close = source.indexOf("}}", open + 2);
            int nextOpen = source.indexOf("{{", open + 2);
            if (close < 0 || nextOpen >= 0 && nextOpen < close) {
                int end = Math.min(source.length(), open + 20);
                int newline = source.indexOf('\n', open);
                return source.substring(open, newline >= 0 && newline < end ? newline : end);
            }
            from = close + 2;
        }
        return null;
    }

    public String systemSource() {
        return systemSource;
    }

    public String userSource() {
        return userSource;
    }

    /** Fills the placeholders from the suite's variables overlaid with the case's. */
    public RenderedPrompt render(Case kase, Map<String, Object> suiteVars) {
        Map<String, Object> vars = suiteVars.isEmpty() ? kase.vars() : merged(kase, suiteVars);
        try {
            return new RenderedPrompt(system == null ? null : system.execute(vars), user.execute(vars));
        } catch (MustacheException.Context e) {
            throw new PromptException("the prompt uses {{" + e.key + "}}, but case " + kase.id() + " ("
                    + kase.source() + ") has no field '" + e.key + "'. Add it to the case, or to 'vars:' in the suite.");
        }
    }

    private static Map<String, Object> merged(Case kase, Map<String, Object> suiteVars) {
        Map<String, Object> vars = new HashMap<>(suiteVars);
        vars.putAll(kase.vars());
        return vars;
    }

    /** A case lacks a variable the prompt needs; recorded as an error for that case. */
    public static final class PromptException extends RuntimeException {
        public PromptException(String message) {
            super(message);
        }
    }
}
