package dev.evalgate.stats;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Comparing two runs judged by the same judge: the change rescaled by J, its conservative interval, and McNemar. */
class JudgedComparisonTest {

    private static final JudgeCalibration GOOD_JUDGE = new JudgeCalibration(90, 15, 10, 85);

    @Test
    void the_change_is_the_judged_change_divided_by_j() {
        // Judged: baseline 300/500, candidate 330/500, so Δp̂ = 0.06; J = 0.85 + 0.90 − 1 = 0.75.
        JudgedComparison result = JudgedComparison.of(280, 20, 50, 150, GOOD_JUDGE, 0.95);

        JudgedComparison.Estimated estimate = (JudgedComparison.Estimated) result;
        assertThat(estimate.judgedDifference()).isCloseTo(0.06, within(1e-12));
        assertThat(estimate.difference()).isCloseTo(0.08, within(1e-12));
        assertThat(estimate.test()).isEqualTo(McNemar.test(20, 50));
    }

    @Test
    void the_interval_is_newcombes_at_97_5_percent_divided_by_the_ends_of_js_interval() {
        JudgedComparison.Estimated estimate =
                (JudgedComparison.Estimated) JudgedComparison.of(280, 20, 50, 150, GOOD_JUDGE, 0.95);
        Interval judged = Newcombe.pairedInterval(280, 20, 50, 150, 0.975).interval();
        Interval youden = GOOD_JUDGE.youdenInterval(0.975);

        // Both bounds of Δp̂ are positive here, so the lower divides by J's upper end and the upper by its lower.
        assertThat(estimate.interval().lower()).isCloseTo(judged.lower() / youden.upper(), within(1e-12));
        assertThat(estimate.interval().upper()).isCloseTo(judged.upper() / youden.lower(), within(1e-12));
        assertThat(estimate.interval().contains(estimate.difference())).isTrue();
    }

    @Test
    void a_judge_that_may_be_no_better_than_chance_leaves_only_the_test() {
        JudgedComparison result = JudgedComparison.of(280, 20, 50, 150, new JudgeCalibration(24, 16, 16, 24), 0.95);

        assertThat(result).isInstanceOf(JudgedComparison.Undecidable.class);
        assertThat(((JudgedComparison.Undecidable) result).reason())
                .startsWith("the judge may be no better than chance").contains("label about 60 more items");
        assertThat(result.test().midPTwoSided()).isLessThan(0.05);
    }

    @Test
    void no_paired_verdicts_is_undecidable() {
        JudgedComparison result = JudgedComparison.of(0, 0, 0, 0, GOOD_JUDGE, 0.95);

        assertThat(result).isInstanceOf(JudgedComparison.Undecidable.class);
    }

    @Test
    void the_interval_holds_the_true_change_in_at_least_95_percent_of_seeded_runs() {
        SplittableRandom random = new SplittableRandom(7);
        int runs = 2_000;
        int hits = 0;
        for (int run = 0; run < runs; run++) {
            JudgedComparison result = simulate(0.65, 0.72, 500, random);
            if (result instanceof JudgedComparison.Estimated estimate && estimate.interval().contains(0.07)) {
                hits++;
            }
        }
        double coverage = (double) hits / runs;
        System.out.printf("judged comparison: interval for Δθ held the true 0.07 in %.3f of %d runs%n",
                coverage, runs);
        assertThat(coverage).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void mcnemar_on_judged_verdicts_keeps_its_level_when_nothing_changed() {
        SplittableRandom random = new SplittableRandom(11);
        int runs = 2_000;
        int rejections = 0;
        for (int run = 0; run < runs; run++) {
            if (simulate(0.7, 0.7, 500, random).test().midPTwoSided() < 0.05) {
                rejections++;
            }
        }
        double level = (double) rejections / runs;
        System.out.printf("judged comparison: McNemar rejected a true null in %.3f of %d runs%n", level, runs);
        assertThat(level).isLessThanOrEqualTo(0.065);
    }

    /** Two correlated runs on the same cases, judged alike (q0 = 0.85, q1 = 0.9), with a fresh calibration. */
    private static JudgedComparison simulate(double baseRate, double candRate, int n, SplittableRandom random) {
        long[] cells = new long[4];
        for (int i = 0; i < n; i++) {
            double shared = random.nextDouble();
            // Half the cases are hard or easy for both runs alike; the rest vary independently.
            boolean together = random.nextDouble() < 0.5;
            boolean base = shared < baseRate;
            boolean cand = (together ? shared : random.nextDouble()) < candRate;
            boolean judgedBase = judge(base, random);
            boolean judgedCand = judge(cand, random);
            cells[judgedBase ? (judgedCand ? 0 : 1) : (judgedCand ? 2 : 3)]++;
        }
        int truePasses = 0;
        int falsePasses = 0;
        for (int i = 0; i < 100; i++) {
            truePasses += judge(true, random) ? 1 : 0;
            falsePasses += judge(false, random) ? 1 : 0;
        }
        JudgeCalibration calibration = new JudgeCalibration(truePasses, falsePasses, 100 - truePasses,
                100 - falsePasses);
        return JudgedComparison.of(cells[0], cells[1], cells[2], cells[3], calibration, 0.95);
    }

    private static boolean judge(boolean truth, SplittableRandom random) {
        double u = random.nextDouble();
        return truth ? u < 0.9 : u >= 0.85;
    }
}
