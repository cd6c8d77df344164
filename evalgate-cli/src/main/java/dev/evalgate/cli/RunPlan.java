package dev.evalgate.cli;

import dev.evalgate.cost.PriceTable;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.Sampling;
import dev.evalgate.dataset.Shard;
import dev.evalgate.error.EvalgateException;
import dev.evalgate.run.RunInfo;
import dev.evalgate.suite.RunOptions;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A suite with the command line's overrides applied: which cases run, how many, and the provenance of the run.
 */
record RunPlan(Suite suite, Dataset dataset, long total, RunInfo info) {

    static RunPlan of(Suite loaded, Integer limit, Integer sample, Long seed, Integer concurrency) {
        RunOptions run = loaded.run();
        if (seed != null) {
            run = run.withSample(run.sample(), seed);
        }
        if (limit != null) {
            run = run.withLimit(limit).withSample(0, run.seed());
        }
        if (sample != null) {
            run = run.withSample(sample, run.seed()).withLimit(0);
        }
        List<TargetConfig> targets = loaded.targets();
        if (concurrency != null) {
            targets = targets.stream().map(t -> t.withPolicy(t.policy().withConcurrency(concurrency))).toList();
        }
        Suite suite = loaded.withTargets(targets).withRun(run);
        Dataset dataset = loaded.dataset();
        String selection = "all cases";
        if (run.sample() > 0) {
            dataset = Sampling.sample(dataset, run.sample(), run.seed());
            selection = "stratified sample of " + run.sample() + " (seed " + run.seed() + ")";
        } else if (run.limit() > 0) {
            dataset = Sampling.limit(dataset, run.limit());
            selection = "first " + run.limit();
        }
        long total = count(dataset);
        RunInfo info = new RunInfo(newRunId(), suite.name(), suite.file().toString(), suite.datasetFile().toString(),
                sha256(suite.datasetFile()),
                targets.stream().map(t -> new RunInfo.TargetInfo(t.id(), t.type(), t.model(), t.price().origin(),
                        t.spec())).toList(),
                suite.scorers().stream().map(s -> s.spec()).toList(), suite.slices(), run.repeat(), run.seed(),
                selection, PriceTable.builtIn().version(), Version.current());
        return new RunPlan(suite, dataset, total, info);
    }

    /**
     * The plan of a run being resumed: the same selection of cases as the stored run (read back from its
     * description), with the stored provenance.
     */
    static RunPlan resuming(Suite loaded, RunInfo stored, Integer concurrency) {
        Integer limit = null;
        Integer sample = null;
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("first (\\d+)").matcher(stored.selection());
        java.util.regex.Matcher sampled = java.util.regex.Pattern.compile("stratified sample of (\\d+)")
                .matcher(stored.selection());
        if (first.matches()) {
            limit = Integer.parseInt(first.group(1));
        } else if (sampled.lookingAt()) {
            sample = Integer.parseInt(sampled.group(1));
        }
        RunPlan plan = of(loaded, limit, sample, stored.seed(), concurrency);
        return new RunPlan(plan.suite(), plan.dataset(), plan.total(), stored);
    }

    /**
     * This plan cut down to one shard of a run that several processes write under {@code runId}: only the
     * shard's cases, and with {@code splitRpm} each target's rpm divided by the number of shards (at least 1 a
     * minute), since the limit is the provider's for the whole run. The provenance stays the whole run's.
     */
    RunPlan shard(Shard shard, String runId, boolean splitRpm) {
        Suite sharded = suite;
        if (splitRpm && shard.count() > 1) {
            sharded = suite.withTargets(suite.targets().stream().map(t -> t.policy().requestsPerMinute() == 0 ? t
                    : t.withPolicy(ShardRate.perShard(t.policy(), shard.count()))).toList());
        }
        Dataset part = shard.filter(dataset);
        RunInfo whole = new RunInfo(runId, info.suite(), info.suiteFile(), info.datasetFile(), info.datasetSha256(),
                info.targets(), info.scorers(), info.slices(), info.repeat(), info.seed(), info.selection(),
                info.priceTable(), info.toolVersion());
        return new RunPlan(sharded, part, shard.partial() ? count(part) : total, whole);
    }

    /** Counts the cases with one pass; this also reports a malformed dataset before any target is called. */
    private static long count(Dataset dataset) {
        long n = 0;
        try (CaseReader reader = dataset.open()) {
            while (reader.hasNext()) {
                reader.next();
                n++;
            }
        }
        return n;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new EvalgateException("cannot read dataset " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sortable, readable id: start time plus a random suffix so that parallel runs never collide. */
    static String newRunId() {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return time + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }
}
