package dev.evalgate.gate;

import java.util.Collection;

/**
 * The outcome of a gate check, ordered from best to worst (eval-statistics §3.4).
 *
 * <p>A run's verdict is its worst check's: every check must pass for a release to pass (an intersection–union
 * test), and any FAIL blocks.
 */
public enum Verdict {
    /** Any regression is smaller than the margin, and none is significant. */
    PASS,
    /** The regression is real but smaller than the margin: passes, and says so. */
    PASS_WITH_WARNING,
    /** The data cannot tell; a larger suite designed up front can. Never rerun until green (§7). */
    INCONCLUSIVE,
    /** The limit is breached, or a significant regression may exceed the margin. */
    FAIL;

    /** The worse of this and {@code other}. */
    public Verdict worse(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** True only for FAIL, the verdict that stops a merge. */
    public boolean blocks() {
        return this == FAIL;
    }

    /** The worst verdict among {@code checks}; PASS when there are none. */
    public static Verdict worstOf(Collection<GateCheck> checks) {
        Verdict worst = PASS;
        for (GateCheck check : checks) {
            worst = worst.worse(check.verdict());
        }
        return worst;
    }
}
