package dev.evalgate.gate;

import java.util.List;

/**
 * What the gate decided: one check per limit and target, notes on what the suite can and cannot see, the verdict.
 *
 * @param notes        lines such as the minimum detectable effect of each margin, and what could not be judged
 * @param verdict      the worst check's verdict; PASS when there are no checks
 * @param failsBuild   true for FAIL, and for INCONCLUSIVE when the gate says {@code inconclusive: fail}
 */
public record GateReport(List<GateCheck> checks, List<String> notes, Verdict verdict, boolean failsBuild) {

    public GateReport {
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }
}
