package dev.evalgate.gate;

import java.util.List;

/**
 * A gate: the checks one kind of evidence (a run, a comparison) must pass.
 *
 * @param <T> the evidence the gate reads
 */
@FunctionalInterface
public interface Gate<T> {

    /** One check per configured limit, in configuration order. */
    List<GateCheck> check(T evidence);

    /** The worst verdict of {@link #check}; PASS when the gate has no checks. */
    default Verdict verdict(T evidence) {
        return Verdict.worstOf(check(evidence));
    }
}
