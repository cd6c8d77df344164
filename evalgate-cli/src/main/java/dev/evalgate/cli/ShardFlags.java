package dev.evalgate.cli;

import dev.evalgate.dataset.Shard;
import dev.evalgate.error.ConfigException;

import java.util.regex.Pattern;

/** The rules of {@code run}'s --shard, --run-id and --resume together. */
final class ShardFlags {

    /** Letters, digits and {@code . _ - : @ +}: what CI run ids and job names are made of. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}");

    private ShardFlags() {
    }

    /**
     * The shard this process runs: the one --shard names, shard 1/1 for --run-id alone, or null for an ordinary
     * run under a new id.
     *
     * @param resume the --resume value: null when absent, empty when given without a run
     */
    static Shard validate(String shard, String runId, String resume, boolean noStore) {
        if (shard != null && runId == null) {
            throw new ConfigException("--shard " + shard + " needs --run-id ID (or EVALGATE_RUN_ID) so that the"
                    + " shards write into one run; give every shard the same id, e.g. in GitHub Actions"
                    + " --run-id gh-${{ github.run_id }}");
        }
        if (resume != null && resume.isEmpty() && runId == null) {
            throw new ConfigException("--resume without a run continues the run --run-id names; pass --resume RUN"
                    + " (a run id, or 'last') or --run-id ID");
        }
        if (runId == null) {
            return null;
        }
        if (!RUN_ID.matcher(runId).matches() || runId.equals("last")) {
            throw new ConfigException("--run-id " + runId + ": a run id is 1 to 128 letters, digits and . _ - : @ +,"
                    + " starting with a letter or digit, and not 'last'; e.g. --run-id ci-4711-1");
        }
        if (noStore) {
            throw new ConfigException("--run-id " + runId + " writes into the store, so it cannot be combined with"
                    + " --no-store; drop one");
        }
        if (resume != null && (resume.endsWith(".yaml") || resume.endsWith(".yml"))) {
            throw new ConfigException("--resume " + resume + ": with --run-id, --resume takes no value, and it took"
                    + " the suite file; put the suite file first: evalgate run " + resume + " --run-id " + runId
                    + " --resume");
        }
        if (resume != null && !resume.isEmpty() && !resume.equals(runId)) {
            throw new ConfigException("--resume " + resume + " and --run-id " + runId + " name different runs; pass"
                    + " --run-id " + runId + " --resume to continue that run");
        }
        return shard == null ? Shard.WHOLE : Shard.parse(shard);
    }
}
