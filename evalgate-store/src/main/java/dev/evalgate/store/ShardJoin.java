package dev.evalgate.store;

import dev.evalgate.run.RunInfo;

/**
 * A shard's place in a sharded run once it joined: the writer for its case results and the run's provenance.
 *
 * @param info          the run as stored: the first shard's provenance, which this shard matched
 * @param createdRun    true for the shard that created the run
 * @param resumedShard  true when this shard had begun before and is run again under {@code --resume}
 */
public record ShardJoin(RunWriter writer, RunInfo info, boolean createdRun, boolean resumedShard) {
}
