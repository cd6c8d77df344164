package dev.evalgate.cli;

/** The process exit codes, named once: scripts and CI depend on them. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int SOFTWARE_ERROR = 1;
    public static final int USAGE = 2;
    public static final int GATE_FAILED = 100;
    /** Stopped by Ctrl-C after saving what finished; the shell convention 128 + SIGINT. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
