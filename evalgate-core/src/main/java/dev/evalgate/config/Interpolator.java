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
        while (m.find()) {
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
        m.appendTail(out);
        return new Result(out.toString(), used);
    }
}
