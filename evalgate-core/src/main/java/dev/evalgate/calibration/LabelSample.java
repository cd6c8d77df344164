package dev.evalgate.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The order in which a run's judged outputs are offered for labelling: at random, alternating between outputs the
 * judge passed and outputs it failed.
 *
 * <p>A calibration needs people's verdicts on both kinds: sensitivity is measured on outputs that truly pass and
 * specificity on those that truly fail. Taken at random from a run where the judge passes 90%, a few dozen labels
 * would hold almost no failures, and the easy cases would decide the calibration. Alternating the two strata means
 * a labeller can stop after any number of items and still have labelled both, as evenly as the run allows; once one
 * stratum runs out the rest of the other follows. The same seed gives the same order, so an interrupted labelling
 * session resumes where it stopped.
 */
public final class LabelSample {

    private LabelSample() {
    }

    /** Every item once, in labelling order. */
    public static <T> List<T> order(List<T> items, Predicate<T> judgedPass, long seed) {
        List<T> passed = new ArrayList<>();
        List<T> failed = new ArrayList<>();
        for (T item : items) {
            (judgedPass.test(item) ? passed : failed).add(item);
        }
        Random random = new Random(seed);
        Collections.shuffle(passed, random);
        Collections.shuffle(failed, random);
        // the rarer verdict first: a labeller who stops after one item has still seen the harder stratum
        List<T> first = failed.size() <= passed.size() ? failed : passed;
        List<T> second = first == failed ? passed : failed;
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            if (i < first.size()) {
                out.add(first.get(i));
            }
            if (i < second.size()) {
                out.add(second.get(i));
            }
        }
        return out;
    }
}
