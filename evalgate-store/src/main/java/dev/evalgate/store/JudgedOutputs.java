package dev.evalgate.store;

import dev.evalgate.calibration.LabelItem;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** A stored run's outputs as one scorer judged them: what a person is offered to label. */
public final class JudgedOutputs {

    private final List<LabelItem> items;
    private final SortedSet<String> scorers;

    private JudgedOutputs(List<LabelItem> items, SortedSet<String> scorers) {
        this.items = items;
        this.scorers = scorers;
    }

    /**
     * Each distinct output {@code scorer} judged, once (repeats with the same text are one item), in stored order;
     * outputs of target errors are left out. {@code target} null means every target.
     */
    public static JudgedOutputs of(Collection<StoredCaseResult> results, String scorer, String target) {
        Map<String, LabelItem> byKey = new LinkedHashMap<>();
        SortedSet<String> scorers = new TreeSet<>();
        for (StoredCaseResult r : results) {
            if (target != null && !target.equals(r.target())) {
                continue;
            }
            Sample sample = r.sample();
            sample.scores().forEach(s -> scorers.add(s.scorer()));
            Optional<Score> verdict = sample.scores().stream().filter(s -> s.scorer().equals(scorer)).findFirst();
            if (verdict.isEmpty() || sample.output() == null) {
                continue; // the target errored, so there is no output to label
            }
            Score score = verdict.get();
            Boolean pass = score.outcome() == Outcome.ERROR ? null : score.outcome() == Outcome.PASS;
            LabelItem item = new LabelItem(r.target(), r.caseId(), r.input(),
                    r.expected().isEmpty() ? null : String.join(" | ", r.expected()), sample.output(), pass,
                    score.reason());
            byKey.putIfAbsent(r.target() + "\u0000" + r.caseId() + "\u0000" + sample.output(), item);
        }
        return new JudgedOutputs(new ArrayList<>(byKey.values()), scorers);
    }

    public List<LabelItem> items() {
        return List.copyOf(items);
    }

    /** Every scorer id seen in the run's scores, for a message naming what the run does have. */
    public SortedSet<String> scorers() {
        return scorers;
    }
}
