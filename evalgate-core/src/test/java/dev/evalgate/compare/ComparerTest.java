package dev.evalgate.compare;

import dev.evalgate.score.Outcome;
import dev.evalgate.stats.McNemar;
import dev.evalgate.stats.Multiplicity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ComparerTest {

    private static CaseRecord record(String id, boolean pass, double latency, String output) {
        return new CaseRecord(id, pass ? Outcome.PASS : Outcome.FAIL, pass ? 1 : 0, pass ? 1 : 0, latency, 10L, 2L,
                0.001, "yes", output);
    }

    private static RunRecord run(String id, String dataset, List<CaseRecord> cases) {
        return new RunRecord(id, "demo", dataset, List.of("label{}"), List.of(new RunRecord.TargetSpec("t", "{}")),
                List.of(new TargetRecord("t", cases)));
    }

    /** The reference's paired vector V2: a = 168 both pass, b = 14 baseline only, c = 8 head only, d = 10. */
    private static List<List<CaseRecord>> v2() {
        List<CaseRecord> base = new ArrayList<>();
        List<CaseRecord> head = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = String.format("c%03d", i);
            boolean b = i < 182;
            boolean h = i < 168 || (i >= 182 && i < 190);
            base.add(record(id, b, 100 + i % 50, b ? "yes" : "no"));
            head.add(record(id, h, 110 + i % 50, h ? "yes" : "no"));
        }
        return List.of(base, head);
    }

    @Test
    void pairs_cases_by_id_and_reproduces_the_reference_paired_statistics() {
        List<List<CaseRecord>> v2 = v2();

        Comparison comparison = new Comparer(2_000, 42).compare(run("base", "h", v2.get(0)), run("head", "h", v2.get(1)));

        TargetComparison t = comparison.targets().getFirst();
        assertThat(t.paired()).isEqualTo(200);
        assertThat(List.of(t.bothPass(), t.regressedCount(), t.fixedCount(), t.neither()))
                .containsExactly(168L, 14L, 8L, 10L);
        assertThat(t.difference().difference()).isCloseTo(-0.03, within(1e-12));
        assertThat(t.difference().interval().lower()).isCloseTo(-0.079487, within(1e-6));
        assertThat(t.difference().interval().upper()).isCloseTo(0.017893, within(1e-6));
        assertThat(t.mcnemar().exactTwoSided()).isCloseTo(0.286279, within(1e-6));
        assertThat(t.mcnemar().midPTwoSided()).isCloseTo(0.210040, within(1e-6));
        assertThat(t.regressed()).extracting(Flip::caseId).hasSize(14).first().isEqualTo("c168");
        assertThat(t.fixed()).extracting(Flip::caseId).hasSize(8).first().isEqualTo("c182");
        assertThat(t.regressed().getFirst()).isEqualTo(new Flip("c168", "yes", "yes", "no"));
        assertThat(comparison.sameDataset()).isTrue();
        assertThat(comparison.changedTargets()).isEmpty();
    }

    @Test
    void lists_new_and_removed_cases_and_leaves_them_out_of_the_pairs() {
        List<CaseRecord> base = List.of(record("a", true, 10, "yes"), record("b", true, 10, "yes"));
        List<CaseRecord> head = List.of(record("b", false, 10, "no"), record("c", true, 10, "yes"));

        TargetComparison t = new Comparer(100, 1).compare(run("1", "h", base), run("2", "h", head)).targets().getFirst();

        assertThat(t.paired()).isEqualTo(1);
        assertThat(t.removedCases()).containsExactly("a");
        assertThat(t.newCases()).containsExactly("c");
        assertThat(t.regressed()).extracting(Flip::caseId).containsExactly("b");
    }

    @Test
    void flags_a_different_dataset_and_gives_a_p95_ratio_with_its_interval() {
        List<List<CaseRecord>> v2 = v2();

        Comparison comparison = new Comparer(2_000, 42).compare(run("base", "h1", v2.get(0)), run("head", "h2", v2.get(1)));

        assertThat(comparison.sameDataset()).isFalse();
        TargetComparison t = comparison.targets().getFirst();
        assertThat(t.p95Ratio().point()).isGreaterThan(1.0);
        assertThat(t.p95Ratio().interval().lower()).isLessThanOrEqualTo(t.p95Ratio().point());
        assertThat(t.costRatio()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void gives_no_cost_ratio_when_a_free_base_is_compared_with_a_paid_head() {
        List<CaseRecord> base = List.of(new CaseRecord("a", Outcome.PASS, 1, 1, 10, null, null, 0.0, "yes", "yes"));
        List<CaseRecord> head = List.of(new CaseRecord("a", Outcome.PASS, 1, 1, 10, null, null, 0.002, "yes", "yes"));

        TargetComparison t = new Comparer(100, 1).compare(run("1", "h", base), run("2", "h", head)).targets().getFirst();

        assertThat(t.costRatio()).isNull();
    }

    private static CaseRecord tagged(String id, boolean pass, String channel) {
        return new CaseRecord(id, pass ? Outcome.PASS : Outcome.FAIL, pass ? 1 : 0, pass ? 1 : 0, 10, 10L, 2L, 0.001,
                "yes", pass ? "yes" : "no", channel == null ? Map.of() : Map.of("channel", channel));
    }

    @Test
    void flags_a_strongly_regressed_slice_value_but_not_an_unchanged_one_after_benjamini_hochberg() {
        List<CaseRecord> base = new ArrayList<>();
        List<CaseRecord> head = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            base.add(tagged("email" + i, true, "email"));
            head.add(tagged("email" + i, i >= 18, "email"));
            base.add(tagged("chat" + i, i != 0, "chat"));
            head.add(tagged("chat" + i, i != 1, "chat"));
        }
        for (int i = 0; i < 10; i++) {
            base.add(tagged("phone" + i, true, "phone"));
            head.add(tagged("phone" + i, i >= 2, "phone"));
        }
        base.add(tagged("untagged", true, null));
        head.add(tagged("untagged", false, null));
        RunRecord baseRun = new RunRecord("1", "demo", "h", List.of("label{}"),
                List.of(new RunRecord.TargetSpec("t", "{}")), List.of(new TargetRecord("t", base)), List.of());
        RunRecord headRun = new RunRecord("2", "demo", "h", List.of("label{}"),
                List.of(new RunRecord.TargetSpec("t", "{}")), List.of(new TargetRecord("t", head)),
                List.of("channel"));

        List<SliceComparison> slices = new Comparer(100, 1).compare(baseRun, headRun).targets().getFirst().slices();

        // the one untagged case is too few to show anything, so "(none)" is left out of the family
        assertThat(slices).extracting(SliceComparison::value).containsExactly("chat", "email", "phone");
        assertThat(slices).extracting(SliceComparison::paired).containsExactly(20, 20, 10);
        SliceComparison chat = slices.get(0);
        SliceComparison email = slices.get(1);
        SliceComparison phone = slices.get(2);
        assertThat(email.difference()).isCloseTo(-0.9, within(1e-12));
        assertThat(email.midPTwoSided()).isEqualTo(McNemar.test(18, 0).midPTwoSided());
        assertThat(chat.difference()).isZero();
        assertThat(phone.midPTwoSided()).isCloseTo(0.25, within(1e-12));
        double[] expected = Multiplicity.benjaminiHochberg(
                new double[] {chat.midPTwoSided(), email.midPTwoSided(), phone.midPTwoSided()});
        assertThat(slices).extracting(SliceComparison::adjustedP)
                .containsExactly(expected[0], expected[1], expected[2]);
        assertThat(phone.adjustedP()).isCloseTo(0.375, within(1e-12));
        assertThat(slices).extracting(SliceComparison::flagged).containsExactly(false, true, false);
    }

    @Test
    void runs_without_slice_keys_compare_no_slices() {
        List<CaseRecord> cases = List.of(tagged("a", true, "email"), tagged("b", true, "email"));

        Comparison comparison = new Comparer(100, 1).compare(run("1", "h", cases), run("2", "h", cases));

        assertThat(comparison.targets().getFirst().slices()).isEmpty();
    }

    @Test
    void equal_runs_show_no_difference() {
        List<CaseRecord> cases = v2().get(0);

        TargetComparison t = new Comparer(1_000, 7).compare(run("a", "h", cases), run("b", "h", cases)).targets().getFirst();

        assertThat(t.difference().difference()).isZero();
        assertThat(t.regressed()).isEmpty();
        assertThat(t.fixed()).isEmpty();
        assertThat(t.mcnemar().exactTwoSided()).isEqualTo(1.0);
        assertThat(t.p95Ratio().point()).isEqualTo(1.0);
    }
}
