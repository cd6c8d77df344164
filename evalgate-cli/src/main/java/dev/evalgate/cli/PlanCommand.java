package dev.evalgate.cli;

import dev.evalgate.error.ConfigException;
import dev.evalgate.stats.Power;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code evalgate plan}: how many cases a paired comparison needs to detect a given change (eval-statistics §3.5).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the cases a suite needs to detect a change of a given size between two runs.")
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline-rate", required = true, paramLabel = "P", description = "Expected pass rate, e.g. 0.9")
    double baselineRate;

    @Option(names = "--mde", required = true, paramLabel = "D",
            description = "Smallest change in pass rate to detect, e.g. 0.03 for 3 points")
    double mde;

    @Option(names = "--discordance", paramLabel = "PSI",
            description = "Share of cases on which the two runs disagree; default 2·P·(1−P), as if unrelated")
    Double discordance;

    @Option(names = "--power", defaultValue = "0.8", paramLabel = "POWER", description = "Default: ${DEFAULT-VALUE}")
    double power;

    @Option(names = "--alpha", defaultValue = "0.025", paramLabel = "ALPHA",
            description = "One-sided level of the gate; default ${DEFAULT-VALUE} (matches 95% intervals)")
    double alpha;

    @Override
    public Integer call() {
        if (!(baselineRate > 0 && baselineRate < 1)) {
            throw new ConfigException("--baseline-rate must be between 0 and 1 (exclusive), e.g. 0.9; got " + baselineRate);
        }
        if (!(mde > 0 && mde < 1)) {
            throw new ConfigException("--mde must be between 0 and 1, e.g. 0.03 for 3 points; got " + mde);
        }
        if (!(power > 0.5 && power < 1) || !(alpha > 0 && alpha < 0.5)) {
            throw new ConfigException("--power must be in (0.5, 1) and --alpha in (0, 0.5); got " + power + ", " + alpha);
        }
        double psi = discordance != null ? discordance : 2 * baselineRate * (1 - baselineRate);
        if (!(psi > mde * mde && psi <= 1)) {
            throw new ConfigException("--discordance must be in (" + mde * mde + ", 1]: runs that differ by " + mde
                    + " disagree on at least that share of cases; got " + psi);
        }
        PrintWriter out = spec.commandLine().getOut();
        long n = cases(psi);
        out.printf(Locale.ROOT, "To detect a change of %.3f in a pass rate near %.3f with %.0f%% power (one-sided"
                + " alpha %.3f),%n", mde, baselineRate, power * 100, alpha);
        out.printf(Locale.ROOT, "a paired comparison needs %,d cases when the runs disagree on %.1f%% of them%s.%n",
                n, psi * 100, discordance == null ? " (assumed: as if the runs were unrelated)" : "");
        if (discordance == null) {
            out.println("Runs of similar candidates usually disagree far less; with the disagreement you observe:");
            for (double p : new double[] {0.02, 0.05, 0.10}) {
                if (p > mde * mde && p < psi) {
                    out.printf(Locale.ROOT, "  disagreement %4.1f%%: %,d cases%n", p * 100, cases(p));
                }
            }
            out.println("Measure it with 'evalgate compare' on two runs (its 'disagreement' line), then pass"
                    + " --discordance.");
        }
        return ExitCode.OK;
    }

    private long cases(double psi) {
        return (long) Math.ceil(Power.requiredNConnor(mde, psi, alpha, Power.Sides.ONE_SIDED, power));
    }
}
