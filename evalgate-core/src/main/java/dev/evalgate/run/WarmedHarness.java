package dev.evalgate.run;

import java.time.Duration;
import java.util.Locale;

/**
 * What warming the harness did before the measured run: calls to loopback stand-ins, calls to free local targets
 * on the suite's own cases, how long it took, and the overhead it measured (null when nothing could be measured).
 */
public record WarmedHarness(int standInCalls, int ownCaseCalls, Duration took, HarnessOverhead overhead) {

    /** The progress line, e.g. {@code warm-up: harness warmed in 1.1 s (2,310 stand-in calls, nothing billed); ...}. */
    public String describe() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "warm-up: harness warmed in %.1f s (",
                took.toMillis() / 1000.0));
        line.append(String.format(Locale.ROOT, "%,d calls to a loopback stand-in", standInCalls));
        if (ownCaseCalls > 0) {
            line.append(String.format(Locale.ROOT, ", %,d to local targets", ownCaseCalls));
        }
        line.append(", nothing billed); ");
        line.append(overhead == null ? "harness overhead not measured" : overhead.describe());
        return line.toString();
    }
}
