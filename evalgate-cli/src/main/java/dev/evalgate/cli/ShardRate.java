package dev.evalgate.cli;

import dev.evalgate.target.CallPolicy;

/**
 * A target's rate limit shared by the shards of a run: a provider's rpm is a limit on the account, not on one
 * machine, so N shards each take rpm/N.
 */
final class ShardRate {

    private ShardRate() {
    }

    /**
     * The policy with rpm/N, rounded down so the shards together stay within the limit; at least 1 a minute,
     * since 0 would mean no limit (with more shards than rpm the shards together may then exceed it).
     */
    static CallPolicy perShard(CallPolicy policy, int shards) {
        int rpm = policy.requestsPerMinute();
        if (rpm == 0 || shards <= 1) {
            return policy;
        }
        return new CallPolicy(policy.concurrency(), Math.max(1, rpm / shards), policy.timeout(), policy.retries(),
                policy.backoffBase(), policy.backoffMax(), policy.seed());
    }
}
