package dev.evalgate.store;

import java.time.Instant;

/**
 * One suite as the store knows it: how many runs it has and which is the newest.
 *
 * @param lastRunId   the id of the suite's newest run
 * @param lastStarted when that run started
 */
public record SuiteSummary(String name, long runs, String lastRunId, Instant lastStarted) {
}
