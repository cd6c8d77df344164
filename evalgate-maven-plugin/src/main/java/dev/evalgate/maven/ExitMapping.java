package dev.evalgate.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How the forked CLI's exit codes become Maven outcomes: 0 is success, 100 (the gate failed the build) is a
 * {@link MojoFailureException} carrying the gate's lines, anything else a {@link MojoExecutionException} carrying
 * the CLI's one-line error, never a Java stack trace.
 *
 * <p>The distinction is Maven's own: a failure is a problem with the project (like a failing test), an execution
 * error is a problem running the plugin (a bad suite file, a missing JDK).
 */
final class ExitMapping {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int GATE_FAILED = 100;
    static final int INTERRUPTED = 130;

    /** The lines {@code evalgate check} prints per check, and its closing verdict line. */
    private static final Pattern GATE_LINE = Pattern.compile("^(PASS with warning|PASS|INCONCLUSIVE|FAIL) .*|^verdict: .*");

    private ExitMapping() {
    }

    /** Throws unless the command exited 0; {@code command} is what the user would have typed, e.g. "evalgate run". */
    static void requireOk(String command, ForkedCli.Result result) throws MojoExecutionException {
        if (result.exitCode() == OK) {
            return;
        }
        throw new MojoExecutionException(describe(command, result));
    }

    /** The error message of a command that exited neither 0 nor 100. */
    static String describe(String command, ForkedCli.Result result) {
        String error = errorLine(result.err());
        return switch (result.exitCode()) {
            case USAGE -> command + " rejected the suite or its options: " + error;
            case INTERRUPTED -> command + " was interrupted; what finished is stored, and the next build runs again";
            default -> command + " failed (exit " + result.exitCode() + "): " + error
                    + ". Rerun the build with -X to see evalgate's full output.";
        };
    }

    /** The gate's per-check lines and verdict, as {@code evalgate check} printed them. */
    static String verdict(List<String> out) {
        StringBuilder text = new StringBuilder();
        for (String line : out) {
            if (GATE_LINE.matcher(line).matches()) {
                text.append(text.length() == 0 ? "" : "\n").append(line.stripTrailing());
            }
        }
        return text.toString();
    }

    /** The CLI's {@code error: ...} line without its prefix; the last stderr line when there is none. */
    static String errorLine(List<String> err) {
        for (int i = err.size() - 1; i >= 0; i--) {
            if (err.get(i).startsWith("error: ")) {
                return err.get(i).substring("error: ".length());
            }
        }
        for (int i = err.size() - 1; i >= 0; i--) {
            if (!err.get(i).isBlank()) {
                return err.get(i).strip();
            }
        }
        return "it printed no error";
    }
}
