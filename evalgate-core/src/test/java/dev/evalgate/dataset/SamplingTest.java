package dev.evalgate.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.evalgate.dataset.Cases.ids;
import static dev.evalgate.dataset.Cases.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplingTest {

    @TempDir
    Path dir;

    /** A dataset with {@code counts[i]} cases labelled {@code labels[i]}, interleaved so strata are mixed. */
    private static Dataset labelled(String[] labels, int[] counts) {
        List<Case> cases = new ArrayList<>();
        int[] left = counts.clone();
        int n = 0;
        boolean any = true;
        while (any) {
            any = false;
            for (int i = 0; i < labels.length; i++) {
                if (left[i]-- > 0) {
                    cases.add(Case.of("c" + n++, "q", Expected.text(labels[i])));
                    any = true;
                }
            }
        }
        return Dataset.of(cases);
    }

    private static Map<String, Long> perLabel(List<Case> cases) {
        return cases.stream().collect(Collectors.groupingBy(c -> c.expected().primary(), Collectors.counting()));
    }

    @Test
    void limit_keeps_the_first_n_cases() {
        Dataset d = labelled(new String[]{"a"}, new int[]{10});

        assertThat(ids(readAll(Sampling.limit(d, 3)))).containsExactly("c0", "c1", "c2");
        assertThat(readAll(Sampling.limit(d, 50))).hasSize(10);
    }

    @Test
    void sample_allocates_by_largest_remainder_in_proportion_to_each_label() {
        Dataset d = labelled(new String[]{"a", "b", "c"}, new int[]{50, 30, 20});

        assertThat(perLabel(readAll(Sampling.sample(d, 7, 1)))).isEqualTo(Map.of("a", 4L, "b", 2L, "c", 1L));
        assertThat(perLabel(readAll(Sampling.sample(d, 10, 1)))).isEqualTo(Map.of("a", 5L, "b", 3L, "c", 2L));
    }

    @Test
    void sample_gives_every_label_at_least_one_case_when_n_allows() {
        Dataset d = labelled(new String[]{"a", "b", "c", "d"}, new int[]{61, 29, 9, 1});

        assertThat(perLabel(readAll(Sampling.sample(d, 10, 1))))
                .isEqualTo(Map.of("a", 6L, "b", 2L, "c", 1L, "d", 1L));
    }

    @Test
    void sample_with_fewer_cases_than_labels_gives_each_chosen_label_one() {
        Dataset d = labelled(new String[]{"a", "b", "c", "d", "e"}, new int[]{2, 2, 2, 2, 2});

        Map<String, Long> counts = perLabel(readAll(Sampling.sample(d, 3, 1)));

        assertThat(counts).hasSize(3).allSatisfy((label, count) -> assertThat(count).isEqualTo(1L));
    }

    @Test
    void sample_is_the_same_for_the_same_seed_and_differs_for_another() {
        Dataset d = labelled(new String[]{"a", "b"}, new int[]{500, 500});

        List<String> first = ids(readAll(Sampling.sample(d, 20, 42)));
        List<String> again = ids(readAll(Sampling.sample(d, 20, 42)));
        List<String> other = ids(readAll(Sampling.sample(d, 20, 43)));

        assertThat(again).isEqualTo(first);
        assertThat(other).hasSize(20).isNotEqualTo(first);
    }

    @Test
    void sample_yields_the_chosen_cases_in_file_order() {
        Dataset d = labelled(new String[]{"a", "b", "c"}, new int[]{40, 40, 40});
        Function<String, Integer> ordinal = id -> Integer.parseInt(id.substring(1));

        List<Integer> order = ids(readAll(Sampling.sample(d, 15, 7))).stream().map(ordinal).toList();

        assertThat(order).hasSize(15).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void sample_of_n_at_least_the_size_returns_every_case() {
        Dataset d = labelled(new String[]{"a", "b"}, new int[]{3, 2});

        assertThat(ids(readAll(Sampling.sample(d, 5, 1)))).isEqualTo(ids(readAll(d)));
        assertThat(ids(readAll(Sampling.sample(d, 99, 1)))).isEqualTo(ids(readAll(d)));
    }

    @Test
    void sample_reads_a_dataset_file_twice_and_keeps_its_sources() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append("{\"id\": \"q").append(i).append("\", \"input\": \"x\", \"expected\": \"")
                    .append(i < 80 ? "yes" : "no").append("\"}\n");
        }
        Dataset d = DatasetFiles.open(Cases.write(dir, "d.jsonl", text.toString()));

        List<Case> sample = readAll(Sampling.sample(d, 10, 3));

        assertThat(perLabel(sample)).isEqualTo(Map.of("yes", 8L, "no", 2L));
        assertThat(sample).allSatisfy(c -> assertThat(c.source())
                .isEqualTo(dir.resolve("d.jsonl") + ":" + (Integer.parseInt(c.id().substring(1)) + 1)));
    }

    @Test
    void a_sample_or_limit_below_one_is_refused() {
        Dataset d = labelled(new String[]{"a"}, new int[]{3});

        assertThatThrownBy(() -> Sampling.sample(d, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a sample needs at least 1 case, but n is 0");
        assertThatThrownBy(() -> Sampling.limit(d, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a limit needs at least 1 case, but n is -1");
    }
}
