package dev.evalgate.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One line of a run listing: which suite, when, in what state, with which targets, from which commit.
 *
 * @param finished null while the run is running or if it crashed
 * @param elapsed  the runner's elapsed time; null until finished
 * @param targets  target ids in configured order
 */
public record RunSummary(String runId, String suite, RunStatus status, Instant started, Instant finished,
                         Duration elapsed, List<String> targets, GitInfo git, String toolVersion) {

    public RunSummary {
        targets = List.copyOf(targets);
    }
}
