package dev.evalgate.cli;

import dev.evalgate.dataset.Shard;
import dev.evalgate.error.ConfigException;
import dev.evalgate.target.CallPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardFlagsTest {

    @Test
    void a_shard_needs_a_run_id_that_names_the_run_every_shard_writes() {
        assertThatThrownBy(() -> ShardFlags.validate("2/4", null, null, false)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--shard 2/4 needs --run-id ID (or EVALGATE_RUN_ID)");
    }

    @Test
    void a_run_id_alone_is_shard_one_of_one_and_no_run_id_is_an_ordinary_run() {
        assertThat(ShardFlags.validate(null, "ci-1", null, false)).isEqualTo(Shard.WHOLE);
        assertThat(ShardFlags.validate(null, null, "last", false)).isNull();
        assertThat(ShardFlags.validate("3/4", "ci-1", "", false)).isEqualTo(new Shard(3, 4));
        assertThat(ShardFlags.validate("3/4", "ci-1", "ci-1", false)).isEqualTo(new Shard(3, 4));
    }

    @Test
    void a_zero_based_shard_is_refused_with_the_rule() {
        assertThatThrownBy(() -> ShardFlags.validate("0/4", "ci-1", null, false))
                .hasMessageStartingWith("--shard 0/4 has I = 0; I must be between 1 and N (4)");
    }

    @Test
    void resume_without_a_run_or_of_another_run_is_refused() {
        assertThatThrownBy(() -> ShardFlags.validate(null, null, "", false))
                .hasMessageStartingWith("--resume without a run continues the run --run-id names");
        assertThatThrownBy(() -> ShardFlags.validate("1/2", "ci-1", "ci-2", false))
                .hasMessageStartingWith("--resume ci-2 and --run-id ci-1 name different runs");
        assertThatThrownBy(() -> ShardFlags.validate("1/2", "ci-1", "evalgate.yaml", false))
                .hasMessageContaining("put the suite file first: evalgate run evalgate.yaml --run-id ci-1 --resume");
    }

    @Test
    void a_run_id_must_be_a_plain_name_and_needs_the_store() {
        assertThatThrownBy(() -> ShardFlags.validate(null, "a b", null, false))
                .hasMessageStartingWith("--run-id a b: a run id is 1 to 128 letters");
        assertThatThrownBy(() -> ShardFlags.validate(null, "last", null, false)).hasMessageContaining("not 'last'");
        assertThatThrownBy(() -> ShardFlags.validate("1/2", "ci-1", null, true))
                .hasMessageContaining("cannot be combined with --no-store");
    }

    @Test
    void each_of_n_shards_takes_rpm_over_n_and_at_least_one() {
        CallPolicy policy = new CallPolicy(8, 600, java.time.Duration.ofSeconds(30), 2,
                java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(60), 1);
        assertThat(ShardRate.perShard(policy, 4).requestsPerMinute()).isEqualTo(150);
        assertThat(ShardRate.perShard(policy, 7).requestsPerMinute()).isEqualTo(85);
        assertThat(ShardRate.perShard(policy, 1000).requestsPerMinute()).isEqualTo(1);
        assertThat(ShardRate.perShard(policy, 1)).isEqualTo(policy);
        CallPolicy unlimited = new CallPolicy(8, 0, policy.timeout(), 2, policy.backoffBase(), policy.backoffMax(), 1);
        assertThat(ShardRate.perShard(unlimited, 4).requestsPerMinute()).as("no limit stays no limit").isZero();
        assertThat(ShardRate.perShard(policy, 4).concurrency()).as("concurrency is per process").isEqualTo(8);
    }
}
