package dev.evalgate.cli;

/** The process exit codes, named once: scripts and CI depend on them. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int SOFTWARE_ERROR = 1;
    public static final int USAGE = 2;
    /** {@code import}: the suite was written, but parts of the source config were left out (each is listed). */
    public static final int NOT_ALL_IMPORTED = 3;
    public static final int GATE_FAILED = 100;
    /** Stopped by Ctrl-C after saving what finished; the shell convention 128 + SIGINT. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
