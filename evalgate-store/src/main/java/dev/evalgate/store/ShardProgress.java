package dev.evalgate.store;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * How far the shards of a sharded run have got: which of its {@code count} shards finished, which are running
 * (or crashed while running) and which never began.
 *
 * @param complete 1-based indexes of the shards that finished every case
 * @param begun    1-based indexes of every shard that began, finished or not
 */
public record ShardProgress(String runId, int count, Set<Integer> complete, Set<Integer> begun) {

    public ShardProgress {
        complete = Set.copyOf(new TreeSet<>(complete));
        begun = Set.copyOf(new TreeSet<>(begun));
    }

    /** True once every shard finished. */
    public boolean done() {
        return complete.size() == count;
    }

    /** Shards that have not finished, in index order. */
    public List<Integer> missing() {
        return IntStream.rangeClosed(1, count).filter(i -> !complete.contains(i)).boxed().toList();
    }

    /** {@code "3 of 4 shards complete"}. */
    public String describe() {
        return complete.size() + " of " + count + " shards complete";
    }

    /** Each shard not finished, with whether it began: {@code "shard 2/4 (began, not finished), shard 4/4 (not begun)"}. */
    public String describeMissing() {
        return String.join(", ", missing().stream().map(i -> "shard " + i + "/" + count
                + (begun.contains(i) ? " (began, not finished)" : " (not begun)")).toList());
    }
}
