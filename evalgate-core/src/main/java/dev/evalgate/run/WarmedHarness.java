package dev.evalgate.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What warming the harness did before the measured run: calls to loopback stand-ins, calls to free local targets
 * on the suite's own cases, how long it took, and the overhead it measured (null when nothing could be measured).
 */
public record WarmedHarness(int standInCalls, int ownCaseCalls, Duration took, HarnessOverhead overhead) {

    /** The progress line, e.g. {@code warm-up: harness warmed in 1.0 s (2,310 calls to loopback stand-ins, nothing billed); ...}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (standInCalls > 0) {
            parts.add(String.format(Locale.ROOT, "%,d calls to loopback stand-ins", standInCalls));
        }
        if (ownCaseCalls > 0) {
            parts.add(String.format(Locale.ROOT, "%,d calls to local targets on the suite's first cases", ownCaseCalls));
        }
        String what = parts.isEmpty() ? "no target could be warmed without a billed call"
                : String.join(", ", parts) + ", nothing billed";
        return String.format(Locale.ROOT, "warm-up: harness warmed in %.1f s (%s); %s", took.toMillis() / 1000.0,
                what, overhead == null ? "harness overhead not measured" : overhead.describe());
    }
}
