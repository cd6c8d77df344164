package dev.evalgate.run;

import dev.evalgate.dataset.Case;
import dev.evalgate.score.Outcome;

import java.util.List;

/**
 * Everything one target did on one case, its K repeats folded into one per-case result.
 *
 * <p>The per-case pass fraction and score are the means over repeats; statistics use these per-case values,
 * never the K raw samples (eval-statistics §1). The case outcome is ERROR when every repeat errored, PASS when
 * every repeat passed, FAIL otherwise.
 */
public record CaseResult(String target, Case kase, List<Sample> samples, Outcome outcome, double passFraction,
                         double score) {

    public CaseResult {
        samples = List.copyOf(samples);
    }

    /** Folds the samples of one case into its result. */
    public static CaseResult of(String target, Case kase, List<Sample> samples) {
        int passed = 0;
        int errored = 0;
        double sum = 0;
        for (Sample s : samples) {
            if (s.outcome() == Outcome.PASS) {
                passed++;
            } else if (s.outcome() == Outcome.ERROR) {
                errored++;
            }
            sum += s.value();
        }
        int k = samples.size();
        Outcome outcome = errored == k ? Outcome.ERROR : passed == k ? Outcome.PASS : Outcome.FAIL;
        return new CaseResult(target, kase, samples, outcome, k == 0 ? 0 : (double) passed / k, k == 0 ? 0 : sum / k);
    }

    /** The first sample, the one shown when a report lists a single output. */
    public Sample first() {
        return samples.getFirst();
    }
}
