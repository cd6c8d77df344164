package dev.evalgate.config;

import dev.evalgate.error.ConfigException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} with environment values; {@code $${...}} stays literal.
 *
 * <p>A value that used the environment is marked, so secrets such as API keys are never printed or stored.
 */
public final class Interpolator {

    private static final Pattern REF = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

    private static final Pattern NAME_START = Pattern.compile("[A-Za-z0-9_]{1,40}");

    private final Function<String, String> env;
    private final Set<String> substituted = ConcurrentHashMap.newKeySet();

    public Interpolator(Function<String, String> env) {
        this.env = env;
    }

    public static Interpolator ofSystem() {
        return new Interpolator(System::getenv);
    }

    public static Interpolator of(Map<String, String> env) {
        return new Interpolator(env::get);
    }

    /** The value of an environment variable as this interpolator sees it, or null. */
    public String env(String name) {
        return env.apply(name);
    }

    /** Every environment value this interpolator has put into a config, so it can be masked wherever it shows. */
    public List<String> substituted() {
        return List.copyOf(substituted);
    }

    /** The interpolated text and whether any part of it came from the environment. */
    public record Result(String value, boolean fromEnvironment) {
    }

    public Result apply(String raw, String file, int line, String path) {
        if (raw == null || raw.indexOf('$') < 0) {
            return new Result(raw, false);
        }
        Matcher m = REF.matcher(raw);
        StringBuilder out = new StringBuilder();
        boolean used = false;
        int end = 0;
        while (m.find()) {
            malformed(raw.substring(end, m.start()), file, line, path);
            end = m.end();
            if (m.group().equals("$${")) {
                m.appendReplacement(out, Matcher.quoteReplacement("${"));
                continue;
            }
            String name = m.group(1);
            String value = env.apply(name);
            if (value == null || (value.isEmpty() && m.group(2) != null)) {
                if (m.group(2) == null) {
                    throw ConfigException.at(file, line, "key '" + path + "' uses ${" + name
                            + "}, but the environment variable " + name + " is not set. Set it (export " + name
                            + "=...), or give a default: ${" + name + ":-value}");
                }
                value = m.group(3);
            } else {
                used = true;
                substituted.add(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        malformed(raw.substring(end), file, line, path);
        m.appendTail(out);
        return new Result(out.toString(), used);
    }

    /** Fails on a "${" that no reference matched (no closing brace, or not a name): it would be sent as written. */
    private static void malformed(String text, String file, int line, String path) {
        int at = text.indexOf("${");
        if (at < 0) {
            return;
        }
        // only the name-like start is shown: the rest may be a secret typed in the wrong place
        Matcher name = NAME_START.matcher(text).region(at + 2, text.length());
        String shown = "${" + (name.lookingAt() ? name.group() : "");
        if (text.indexOf('}', at) < 0) {
            throw ConfigException.at(file, line, "key '" + path + "' has '" + shown + "' with no closing '}'."
                    + " Write ${NAME} to use the environment variable NAME, or $${ for a literal ${");
        }
        throw ConfigException.at(file, line, "key '" + path + "' has '" + shown + "...}', which is not an"
                + " environment reference: a name is letters, digits and _ and does not start with a digit, e.g."
                + " ${OPENAI_API_KEY} or ${MODEL:-gpt-4o-mini}. Write $${ for a literal ${");
    }
}
