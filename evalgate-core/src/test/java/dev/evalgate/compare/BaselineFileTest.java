package dev.evalgate.compare;

import dev.evalgate.error.ConfigException;
import dev.evalgate.score.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineFileTest {

    @TempDir
    Path dir;

    private static RunRecord run() {
        List<CaseRecord> cases = List.of(
                new CaseRecord("b", Outcome.FAIL, 0, 0.5, 12.3456, 10L, 2L, 0.0000123, "x", "y"),
                new CaseRecord("a", Outcome.PASS, 1, 1, Double.NaN, null, null, null, "x", "x"),
                new CaseRecord("c", Outcome.ERROR, 0, 0, 30_000, null, null, 0.0, "x", "ERROR timeout"));
        return new RunRecord("run-1", "demo", "abc123", List.of("label{}"),
                List.of(new RunRecord.TargetSpec("t", "{\"type\":\"openai\"}")), List.of(new TargetRecord("t", cases)));
    }

    @Test
    void writes_one_case_per_line_sorted_by_id_and_reads_back_what_the_gate_needs() throws IOException {
        Path file = dir.resolve("evals/baseline.json");

        BaselineFile.write(run(), file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).filteredOn(l -> l.contains("\"outcome\"")).hasSize(3);
        assertThat(lines).contains("        {\"id\": \"b\", \"outcome\": \"FAIL\", \"pass\": 0, \"score\": 0.5,"
                + " \"latency_ms\": 12.346, \"tokens_in\": 10, \"tokens_out\": 2, \"cost_usd\": 0.0000123},");
        RunRecord back = BaselineFile.read(file);
        assertThat(back.datasetSha256()).isEqualTo("abc123");
        assertThat(back.targetSpecs()).containsExactly(new RunRecord.TargetSpec("t", "{\"type\":\"openai\"}"));
        List<CaseRecord> cases = back.target("t").orElseThrow().cases();
        assertThat(cases).extracting(CaseRecord::caseId).containsExactly("a", "b", "c");
        assertThat(cases.get(0).latencyMs()).isNaN();
        assertThat(cases.get(0).costUsd()).isNull();
        assertThat(cases.get(2).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(cases.get(1).costUsd()).isEqualTo(0.0000123);
    }

    @Test
    void keeps_slice_keys_and_case_tags_with_sorted_keys_and_reads_them_back() throws IOException {
        List<CaseRecord> cases = List.of(
                new CaseRecord("a", Outcome.PASS, 1, 1, 5, 1L, 1L, 0.0, "x", "x",
                        Map.of("lang", "de", "channel", "email")),
                new CaseRecord("b", Outcome.FAIL, 0, 0, 5, 1L, 1L, 0.0, "x", "y"));
        RunRecord run = new RunRecord("run-2", "demo", "abc", List.of("label{}"),
                List.of(new RunRecord.TargetSpec("t", "{}")), List.of(new TargetRecord("t", cases)),
                List.of("channel", "lang"));
        Path file = dir.resolve("tagged.json");

        BaselineFile.write(run, file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).contains("  \"slices\": [\"channel\",\"lang\"],");
        assertThat(lines).anyMatch(l -> l.endsWith(", \"tags\": {\"channel\":\"email\",\"lang\":\"de\"}},"));
        assertThat(lines).filteredOn(l -> l.contains("\"id\": \"b\"")).singleElement().asString()
                .doesNotContain("tags");
        RunRecord back = BaselineFile.read(file);
        assertThat(back.slices()).containsExactly("channel", "lang");
        assertThat(back.target("t").orElseThrow().cases()).extracting(CaseRecord::tags)
                .containsExactly(Map.of("channel", "email", "lang", "de"), Map.of());
    }

    @Test
    void a_file_written_before_slices_existed_reads_as_no_slices_and_no_tags() throws IOException {
        Path file = dir.resolve("old.json");
        BaselineFile.write(run(), file);
        String written = Files.readString(file);
        assertThat(written).contains("  \"slices\": [],\n");
        Files.writeString(file, written.replace("  \"slices\": [],\n", ""));

        RunRecord back = BaselineFile.read(file);

        assertThat(back.slices()).isEmpty();
        assertThat(back.target("t").orElseThrow().cases()).allMatch(c -> c.tags().isEmpty());
    }

    @Test
    void the_same_run_always_gives_the_same_bytes() throws IOException {
        BaselineFile.write(run(), dir.resolve("one.json"));
        BaselineFile.write(run(), dir.resolve("two.json"));

        assertThat(Files.readAllBytes(dir.resolve("one.json"))).isEqualTo(Files.readAllBytes(dir.resolve("two.json")));
    }

    @Test
    void a_missing_or_foreign_file_says_how_to_make_a_baseline() throws IOException {
        assertThatThrownBy(() -> BaselineFile.read(dir.resolve("none.json"))).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("none.json: baseline file not found. Create it with: evalgate baseline save"
                        + " <run> " + dir.resolve("none.json"));
        Files.writeString(dir.resolve("other.json"), "{\"schema\": \"something.else\"}");
        assertThatThrownBy(() -> BaselineFile.read(dir.resolve("other.json"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not an evalgate baseline");
    }
}
