package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} parts of a dataset, numbered from 1 as CI matrices number their jobs ({@code --shard 2/4}).
 *
 * <p>A case belongs to the shard its id hashes into: the first 8 bytes of the SHA-256 of the id's UTF-8 bytes,
 * unsigned, modulo {@code count}. The hash depends on nothing but the id, so every machine, JVM and dataset order
 * agrees on it; every id lands in exactly one shard, and shards are as balanced as a random split. All repeats of
 * a case run in its shard, since the choice is made per case.
 *
 * @param index 1-based, at most {@code count}
 */
public record Shard(int index, int count) {

    /** The most shards a run may be split into; more would leave shards of a handful of cases. */
    public static final int MAX_COUNT = 10_000;
    /** The whole dataset: shard 1 of 1. */
    public static final Shard WHOLE = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not 1 <= index <= count <= "
                    + MAX_COUNT);
        }
    }

    /**
     * Reads {@code I/N} as given to {@code --shard}.
     *
     * @throws ConfigException naming the rule and how to pass a 0-based index (Kubernetes' JOB_COMPLETION_INDEX)
     */
    public static Shard parse(String value) {
        Matcher m = FORM.matcher(value == null ? "" : value);
        if (!m.matches()) {
            throw invalid(value, "is not of the form I/N");
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        if (count < 1 || count > MAX_COUNT) {
            throw invalid(value, "has N = " + count + "; N must be between 1 and " + MAX_COUNT);
        }
        if (index < 1 || index > count) {
            throw invalid(value, "has I = " + index + "; I must be between 1 and N (" + count + ")");
        }
        return new Shard(index, count);
    }

    private static ConfigException invalid(String value, String problem) {
        return new ConfigException("--shard " + value + " " + problem + ": shards are numbered from 1, as in"
                + " --shard 1/4 ... --shard 4/4 (GitLab's $CI_NODE_INDEX/$CI_NODE_TOTAL); from a 0-based index such"
                + " as Kubernetes' JOB_COMPLETION_INDEX pass --shard $((JOB_COMPLETION_INDEX + 1))/N");
    }

    /** True when the case with this id belongs to this shard. */
    public boolean contains(String caseId) {
        return count == 1 || of(caseId, count) == index;
    }

    /** The 1-based shard of {@code count} that the case with this id belongs to. */
    public static int of(String caseId, int count) {
        return (int) Long.remainderUnsigned(hash(caseId), count) + 1;
    }

    /** The cases of {@code dataset} in this shard, in dataset order. */
    public Dataset filter(Dataset dataset) {
        if (count == 1) {
            return dataset;
        }
        return () -> new MatchingReader(dataset.open(), c -> contains(c.id()));
    }

    /** Whether this is one part of several rather than the whole dataset. */
    public boolean partial() {
        return count > 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    static long hash(String caseId) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(caseId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xff);
        }
        return h;
    }
}
