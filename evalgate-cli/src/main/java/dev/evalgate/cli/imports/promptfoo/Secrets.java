package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of the written suite: {@code {{env.NAME}}} becomes {@code ${NAME}}, and a literal secret
 * becomes a {@code ${VAR}} reference with a finding telling the user to export the variable.
 */
final class Secrets {

    private static final Pattern SCHEME = Pattern.compile("(?i)(bearer|basic|token|apikey)\\s+(.+)");

    private Secrets() {
    }

    /** Whether a key or header of this name holds a credential, by the rule the suite's masking uses. */
    static boolean isCredential(String name) {
        return dev.evalgate.config.Credentials.isCredentialName(name);
    }

    /**
     * The value to write for a credential: an environment reference as it is; a literal replaced by
     * {@code ${variable}} (keeping a scheme word such as {@code Bearer}), with the replacement recorded.
     */
    static String reference(ConfigNode.Scalar value, String variable, String what, Findings findings) {
        String text = value.value();
        if (Templates.hasEnv(text)) {
            return Templates.envRefs(text);
        }
        if (text.matches("\\$\\{[A-Za-z_]\\w*(:-[^}]*)?}")) {
            return text;
        }
        Matcher scheme = SCHEME.matcher(text);
        String written = scheme.matches() ? scheme.group(1) + " ${" + variable + "}" : "${" + variable + "}";
        findings.skip(value, what, "holds a literal secret, which is never written into a suite; the suite reads "
                + "${" + variable + "} instead (export " + variable + "=...)");
        return written;
    }

    /** An environment variable name made from a key or header name: {@code X-Api-Key} gives {@code X_API_KEY}. */
    static String variableFor(String name) {
        String upper = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return upper.replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
