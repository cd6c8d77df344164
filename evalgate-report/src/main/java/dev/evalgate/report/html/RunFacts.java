package dev.evalgate.report.html;

import dev.evalgate.run.HarnessOverhead;
import dev.evalgate.run.RunInfo;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the store knows of a run beyond its {@link dev.evalgate.compare.RunRecord}: when it started, the commit it
 * measured, and which targets ran on this machine.
 *
 * @param startedAt   null when unknown (a run read from a baseline file)
 * @param commit      the git commit, possibly with branch and dirty flag; null when unknown
 * @param localTargets ids of targets that run locally: their calls cost 0 by definition, not "unknown"
 * @param harness     the time evalgate itself added per call in this run; null when not measured
 * @param notes       lines the report shows under its title, e.g. a target's corrected judged pass rate or how many
 *                    shards of a sharded run are complete
 */
public record RunFacts(Instant startedAt, String commit, Set<String> localTargets, HarnessOverhead harness,
                       List<String> notes) {

    /** The price label a run records for a local target (see {@code TargetsReader}). */
    static final String LOCAL_PRICE = "local";

    public RunFacts {
        localTargets = localTargets == null ? Set.of() : Set.copyOf(localTargets);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public RunFacts(Instant startedAt, String commit, Set<String> localTargets, HarnessOverhead harness) {
        this(startedAt, commit, localTargets, harness, List.of());
    }

    public RunFacts(Instant startedAt, String commit, Set<String> localTargets) {
        this(startedAt, commit, localTargets, null);
    }

    /** Nothing known beyond the record: a run read from a baseline file. */
    public static RunFacts none() {
        return new RunFacts(null, null, Set.of());
    }

    /** The facts of a stored run: local targets are the ones whose recorded price is {@value #LOCAL_PRICE}. */
    public static RunFacts of(RunInfo info, Instant startedAt, String commit) {
        Set<String> local = info.targets().stream().filter(t -> LOCAL_PRICE.equals(t.price()))
                .map(RunInfo.TargetInfo::id).collect(Collectors.toSet());
        return new RunFacts(startedAt, commit, local);
    }

    /** These facts with the harness overhead the run measured, or null. */
    public RunFacts withHarness(HarnessOverhead value) {
        return new RunFacts(startedAt, commit, localTargets, value, notes);
    }

    /** These facts with {@code lines} shown under the report's title. */
    public RunFacts withNotes(List<String> lines) {
        return new RunFacts(startedAt, commit, localTargets, harness, lines);
    }
}
