package dev.evalgate.cli;

import dev.evalgate.config.KnownSecrets;
import dev.evalgate.error.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code evalgate} command: parses arguments, runs one subcommand, maps what went wrong to an exit code. */
@Command(name = "evalgate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run candidate AI implementations over a suite, measure them, and gate changes on the numbers.",
        subcommands = {RunCommand.class, InitCommand.class, PlanCommand.class,
                RunsCommand.class,
                ShowCommand.class,
                CompareCommand.class,
                CheckCommand.class,
                RescoreCommand.class,
                BaselineCommand.class,
                SplitCommand.class,
                ExportCommand.class,
                ReportCommand.class,
                ServeCommand.class,
                LabelCommand.class,
                JudgeCommand.class,
                ImportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code, for tests and embedding. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            err.println("Run 'evalgate " + (e.getCommandLine().getCommandName().equals("evalgate") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean trace = false;
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            trace |= level.hasMatchedOption("--stacktrace"); // nested commands such as 'import promptfoo' too
        }
        if (e instanceof ConfigException) {
            err.println("error: " + KnownSecrets.mask(e.getMessage()));
            if (trace) {
                printStackTrace(e, err);
            }
            return ExitCode.USAGE;
        }
        // a message may quote what a target or a server said: mask every secret of the suites this run loaded
        err.println("error: " + (e.getMessage() == null ? e.getClass().getName() : KnownSecrets.mask(e.getMessage())));
        if (trace) {
            printStackTrace(e, err);
        } else {
            err.println("(run again with --stacktrace for the details)");
        }
        return ExitCode.SOFTWARE_ERROR;
    }

    /** The stack trace with secrets masked: its messages may quote what a server said as well. */
    private static void printStackTrace(Exception e, PrintWriter err) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.print(KnownSecrets.mask(trace.toString()));
        err.flush();
    }
}
