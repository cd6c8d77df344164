package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTest {

    @Test
    void every_id_lands_in_exactly_one_shard_for_random_id_sets_and_every_count_up_to_64() {
        Random random = new Random(16);
        for (int trial = 0; trial < 8; trial++) {
            List<String> ids = randomIds(random, 1 + random.nextInt(300));
            for (int count = 1; count <= 64; count++) {
                int[] owners = new int[ids.size()];
                for (int index = 1; index <= count; index++) {
                    Shard shard = new Shard(index, count);
                    for (int i = 0; i < ids.size(); i++) {
                        if (shard.contains(ids.get(i))) {
                            owners[i]++;
                        }
                    }
                }
                for (int i = 0; i < ids.size(); i++) {
                    assertThat(owners[i]).as("id %s with %d shards", ids.get(i), count).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void shard_sizes_stay_within_a_few_percent_of_each_other_for_large_sets() {
        List<String> ids = randomIds(new Random(7), 400_000);
        long[] hashes = ids.stream().mapToLong(Shard::hash).toArray();
        for (int count = 1; count <= 64; count++) {
            int[] sizes = new int[count];
            for (long h : hashes) {
                sizes[(int) Long.remainderUnsigned(h, count)]++;
            }
            double mean = (double) ids.size() / count;
            for (int size : sizes) {
                // 400,000 ids over 64 shards: 6,250 each, a standard deviation of 1.3%
                assertThat(Math.abs(size - mean) / mean).as("%d shards: sizes %s", count, sizes).isLessThan(0.06);
            }
        }
    }

    @Test
    void the_shard_of_an_id_does_not_depend_on_dataset_order_or_the_other_ids() {
        List<String> ids = randomIds(new Random(3), 500);
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(4));
        Set<String> first = members(ids, new Shard(3, 7));
        Set<String> again = members(shuffled, new Shard(3, 7));
        Set<String> alone = members(List.of(ids.getFirst()), new Shard(3, 7));
        assertThat(again).isEqualTo(first);
        assertThat(first.contains(ids.getFirst())).isEqualTo(!alone.isEmpty());
        // pinned, so that a change of the hash (which would split a running run differently) fails here
        assertThat(List.of(Shard.of("c1", 4), Shard.of("c2", 4), Shard.of("case-17", 64))).containsExactly(4, 2, 38);
    }

    @Test
    void filter_keeps_the_shards_cases_in_dataset_order_with_every_repeat_left_to_the_runner() {
        List<Case> cases = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            cases.add(Case.of("c" + n, "q" + n, Expected.text("yes")));
        }
        Dataset dataset = Dataset.of(cases);
        List<String> all = new ArrayList<>();
        for (int index = 1; index <= 4; index++) {
            List<String> part = new ArrayList<>();
            try (CaseReader reader = new Shard(index, 4).filter(dataset).open()) {
                reader.forEachRemaining(c -> part.add(c.id()));
            }
            List<String> inOrder = new ArrayList<>(part);
            inOrder.sort(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(1))));
            assertThat(part).isEqualTo(inOrder);
            all.addAll(part);
        }
        assertThat(all).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void parse_reads_one_based_index_over_count() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.WHOLE);
        assertThat(Shard.parse("64/64")).isEqualTo(new Shard(64, 64));
    }

    @Test
    void parse_refuses_a_zero_based_index_and_says_how_to_pass_one() {
        assertThatThrownBy(() -> Shard.parse("0/4")).isInstanceOf(ConfigException.class)
                .hasMessage("--shard 0/4 has I = 0; I must be between 1 and N (4): shards are numbered from 1, as in"
                        + " --shard 1/4 ... --shard 4/4 (GitLab's $CI_NODE_INDEX/$CI_NODE_TOTAL); from a 0-based"
                        + " index such as Kubernetes' JOB_COMPLETION_INDEX pass --shard $((JOB_COMPLETION_INDEX + 1))/N");
        assertThatThrownBy(() -> Shard.parse("5/4")).hasMessageStartingWith("--shard 5/4 has I = 5; I must be between 1 and N (4)");
        assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageStartingWith("--shard 1/0 has N = 0");
        assertThatThrownBy(() -> Shard.parse("2")).hasMessageStartingWith("--shard 2 is not of the form I/N");
        assertThatThrownBy(() -> Shard.parse("-1/4")).hasMessageStartingWith("--shard -1/4 is not of the form I/N");
    }

    private static Set<String> members(List<String> ids, Shard shard) {
        Set<String> in = new HashSet<>();
        ids.stream().filter(shard::contains).forEach(in::add);
        return in;
    }

    private static List<String> randomIds(Random random, int n) {
        Set<String> ids = new HashSet<>();
        while (ids.size() < n) {
            ids.add(switch (random.nextInt(3)) {
                case 0 -> "c" + random.nextInt(10_000_000);
                case 1 -> new UUID(random.nextLong(), random.nextLong()).toString();
                default -> "case-" + Long.toString(random.nextLong(), 36) + "-ü";
            });
        }
        return new ArrayList<>(ids);
    }
}
