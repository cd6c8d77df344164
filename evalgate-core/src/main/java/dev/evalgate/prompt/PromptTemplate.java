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
        try {
            return COMPILER.compile(source);
        } catch (MustacheException e) {
            throw new ConfigException("key '" + where + "' is not a valid template: " + e.getMessage()
                    + ". Placeholders look like {{input}} or {{field}}.");
        }
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
