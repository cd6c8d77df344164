package dev.evalgate.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded simulation of judged runs checking that the corrected 95% interval holds the true pass rate in 93–97%
 * of runs for every setting of the reference's coverage table, while the plain Wilson interval on the judged
 * verdicts does not.
 */
class JudgeCoverageTest {

    private static final int SIMULATIONS = 4_000;
    private static final long SEED = 20_251_204L;

    /** One setting: true rate θ, judge specificity q0 and sensitivity q1, suite size n, calibration m0 and m1. */
    record Setting(double theta, double q0, double q1, int n, int m0, int m1) {
    }

    /** What the simulation measured for one setting. */
    record Coverage(Setting setting, double raw, double corrected, double meanWidth, int undecidable) {
    }

    private static final List<Setting> TABLE = List.of(
            new Setting(0.7, 0.85, 0.90, 500, 50, 50),
            new Setting(0.7, 0.85, 0.90, 500, 150, 150),
            new Setting(0.9, 0.70, 0.95, 1000, 40, 160),
            new Setting(0.5, 0.90, 0.90, 200, 100, 100),
            new Setting(0.3, 0.95, 0.80, 2000, 200, 100));

    @Test
    void corrected_interval_holds_the_true_rate_in_93_to_97_percent_of_runs_for_every_reference_setting() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Coverage> rows = new ArrayList<>();
        for (Setting setting : TABLE) {
            rows.add(simulate(setting, random));
        }
        print(rows);

        for (Coverage row : rows) {
            assertThat(row.corrected()).as("corrected coverage for %s", row.setting()).isBetween(0.93, 0.97);
            assertThat(row.undecidable()).as("undecidable runs for %s", row.setting()).isZero();
        }
        // The reason the correction exists: on the large suites the plain interval misses most of the time.
        assertThat(rows.get(2).raw()).isLessThan(0.80);
        assertThat(rows.get(4).raw()).isLessThan(0.50);
    }

    private static Coverage simulate(Setting s, SplittableRandom random) {
        int rawHits = 0;
        int hits = 0;
        int undecidable = 0;
        double widths = 0;
        for (int run = 0; run < SIMULATIONS; run++) {
            int judgedPasses = 0;
            for (int i = 0; i < s.n(); i++) {
                boolean truth = random.nextDouble() < s.theta();
                if (judgePasses(truth, s, random)) {
                    judgedPasses++;
                }
            }
            int falsePasses = count(s.m0(), 1 - s.q0(), random);
            int truePasses = count(s.m1(), s.q1(), random);
            JudgeCalibration calibration = new JudgeCalibration(truePasses, falsePasses, s.m1() - truePasses,
                    s.m0() - falsePasses);
            if (Proportion.wilson(judgedPasses, s.n(), 0.95).contains(s.theta())) {
                rawHits++;
            }
            CorrectedPassRate result = CorrectedPassRate.of(judgedPasses, s.n(), calibration, 0.95);
            if (result instanceof CorrectedPassRate.Estimated estimate) {
                widths += estimate.interval().width();
                if (estimate.interval().contains(s.theta())) {
                    hits++;
                }
            } else {
                undecidable++;
            }
        }
        int decided = SIMULATIONS - undecidable;
        return new Coverage(s, (double) rawHits / SIMULATIONS, (double) hits / SIMULATIONS,
                decided == 0 ? Double.NaN : widths / decided, undecidable);
    }

    private static boolean judgePasses(boolean truth, Setting s, SplittableRandom random) {
        double u = random.nextDouble();
        return truth ? u < s.q1() : u >= s.q0();
    }

    private static int count(int trials, double probability, SplittableRandom random) {
        int successes = 0;
        for (int i = 0; i < trials; i++) {
            if (random.nextDouble() < probability) {
                successes++;
            }
        }
        return successes;
    }

    private static void print(List<Coverage> rows) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "Coverage of 95%% intervals over %,d seeded runs per setting (seed %d)%n", SIMULATIONS, SEED));
        table.append("| θ | q0 | q1 | n | m0 | m1 | raw Wilson | corrected | mean width |\n");
        table.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Coverage row : rows) {
            Setting s = row.setting();
            table.append(String.format(Locale.ROOT, "| %.1f | %.2f | %.2f | %d | %d | %d | %.3f | %.3f | %.3f |%n",
                    s.theta(), s.q0(), s.q1(), s.n(), s.m0(), s.m1(), row.raw(), row.corrected(), row.meanWidth()));
        }
        System.out.print(table);
    }
}
