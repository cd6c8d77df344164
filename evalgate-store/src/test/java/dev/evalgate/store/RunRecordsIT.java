package dev.evalgate.store;

import dev.evalgate.compare.CaseRecord;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.error.ConfigException;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunRecordsIT {

    @TempDir
    Path dir;

    @Test
    void a_stored_run_reads_back_as_the_records_of_its_case_results() {
        RunInfo info = Fixtures.info("run-1", "suite", 3, "a", "b");
        List<CaseResult> results = new ArrayList<>();
        for (String target : List.of("b", "a")) {
            for (String id : List.of("c2", "c1", "err3", "c3", "c6")) {
                results.add(Fixtures.result(target, id, 3));
            }
        }
        try (Store store = Store.open(dir.resolve("s.db").toString())) {
            try (RunWriter writer = store.begin(info, "{}", GitInfo.unknown())) {
                results.forEach(writer::accept);
                writer.finish(Fixtures.finished(info, results, true));
            }

            RunRecord run = RunRecords.load(store, "last");

            assertThat(run.runId()).isEqualTo("run-1");
            assertThat(run.datasetSha256()).isEqualTo(info.datasetSha256());
            assertThat(run.scorers()).isEqualTo(info.scorers());
            assertThat(run.targetSpecs()).extracting(RunRecord.TargetSpec::id).containsExactly("a", "b");
            assertThat(run.targets()).extracting(t -> t.target()).containsExactly("a", "b");
            for (String target : List.of("a", "b")) {
                List<CaseRecord> expected = results.stream().filter(r -> r.target().equals(target))
                        .map(CaseRecord::of).sorted(Comparator.comparing(CaseRecord::caseId)).toList();
                assertThat(run.target(target).orElseThrow().cases()).isEqualTo(expected);
            }
            assertThat(run.target("a").orElseThrow().cases()).filteredOn(c -> c.caseId().equals("err3"))
                    .singleElement().satisfies(c -> assertThat(c.output())
                            .isEqualTo("ERROR http_429: rate limited after 3 attempts"));
        }
    }

    @Test
    void an_unknown_run_names_the_store_and_how_to_list_runs() {
        try (Store store = Store.open(dir.resolve("s.db").toString())) {
            assertThatThrownBy(() -> RunRecords.load(store, "nope")).isInstanceOf(ConfigException.class)
                    .hasMessage("no run 'nope' in store " + store.location() + "; list runs with: evalgate runs");
        }
    }
}
