package dev.evalgate.error;

/**
 * A problem in a suite file, a dataset or a command line that the user must fix.
 *
 * <p>The message names the place (file and line, or config key), the rule that was broken and the fix;
 * front-ends print it as is and exit with the usage/config code.
 */
public class ConfigException extends EvalgateException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message prefixed with {@code file:line: }, the form editors and terminals turn into links. */
    public static ConfigException at(String file, int line, String message) {
        return new ConfigException(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
    }
}
