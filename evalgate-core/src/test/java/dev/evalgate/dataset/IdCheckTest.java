package dev.evalgate.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.evalgate.dataset.Cases.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class IdCheckTest {

    @TempDir
    Path dir;

    /** Runs every record of {@code file} through a check whose hash maps every id to the same number. */
    private static void checkAllWithCollidingHashes(Path file) {
        IdCheck check = new IdCheck(file, DatasetFormat.JSONL, id -> 42L);
        CaseMapper mapper = new CaseMapper(file.toString());
        try (RecordSource records = DatasetFormat.JSONL.open(file)) {
            RawRecord record;
            for (int ordinal = 0; (record = records.read()) != null; ordinal++) {
                check.check(mapper.map(record), ordinal);
            }
        }
    }

    @Test
    void a_hash_collision_between_different_ids_is_confirmed_by_rereading_and_ignored() {
        Path file = write(dir, "d.jsonl", "{\"id\": \"a\", \"input\": \"1\"}\n{\"id\": \"b\", \"input\": \"2\"}\n"
                + "{\"input\": \"3\"}\n");

        assertThatNoException().isThrownBy(() -> checkAllWithCollidingHashes(file));
    }

    @Test
    void a_true_duplicate_behind_colliding_hashes_names_the_first_line_with_that_id() {
        Path file = write(dir, "d.jsonl", "{\"id\": \"a\", \"input\": \"1\"}\n\n{\"id\": \"b\", \"input\": \"2\"}\n"
                + "{\"id\": \"b\", \"input\": \"3\"}\n");

        assertThatThrownBy(() -> checkAllWithCollidingHashes(file)).hasMessageStartingWith(
                file + ":4: duplicate id 'b': line 3 has the same id.");
    }

    @Test
    void the_compact_set_holds_many_values_including_zero() {
        LongHashSet set = new LongHashSet();
        for (long i = 0; i < 100_000; i++) {
            assertThat(set.add(i * 7919)).isTrue();
        }

        assertThat(set.add(0)).isFalse();
        assertThat(set.add(7919L * 99_999)).isFalse();
        assertThat(set.add(-1)).isTrue();
        assertThat(set.size()).isEqualTo(100_001);
    }
}
