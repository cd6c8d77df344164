package dev.evalgate.compare;

import dev.evalgate.score.Outcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TtftComparisonTest {

    private static RunRecord run(String id, double ttftBase, boolean streamed) {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            cases.add(new CaseRecord("c" + i, Outcome.PASS, 1, 1, 200 + i, 10L, 2L, 0.001, "yes", "yes", Map.of(),
                    streamed ? ttftBase + i : Double.NaN));
        }
        return new RunRecord(id, "s", "hash", List.of(), List.of(new RunRecord.TargetSpec("t", "{}")),
                List.of(new TargetRecord("t", cases)));
    }

    @Test
    void compares_the_p95_time_to_first_token_with_a_paired_bootstrap_ratio() {
        TargetComparison t = new Comparer(2_000, 7).compare(run("b", 40, true), run("h", 80, true)).targets().getFirst();

        assertThat(t.ttft()).isNotNull();
        assertThat(t.ttft().baseP95()).isEqualTo(134.0);
        assertThat(t.ttft().headP95()).isEqualTo(174.0);
        assertThat(t.ttft().p95Ratio().point()).isEqualTo(174.0 / 134.0);
        assertThat(t.ttft().p95Ratio().interval().lower()).isGreaterThan(1.0);
        assertThat(t.ttft().p95Ratio().seed()).isEqualTo(7);
    }

    @Test
    void runs_that_did_not_both_stream_have_no_ttft_comparison() {
        assertThat(new Comparer(200, 1).compare(run("b", 40, false), run("h", 80, true)).targets().getFirst().ttft())
                .isNull();
    }

    @Test
    void a_baseline_file_keeps_each_case_time_to_first_token() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("baseline", ".json");
        try {
            BaselineFile.write(run("b", 40.25, true), file);
            RunRecord read = BaselineFile.read(file);

            assertThat(read.targets().getFirst().cases()).extracting(CaseRecord::ttftMs).contains(40.25, 41.25);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
