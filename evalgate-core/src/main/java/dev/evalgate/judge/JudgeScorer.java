package dev.evalgate.judge;

import dev.evalgate.dataset.Case;
import dev.evalgate.run.ResponseCache;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.score.Score;
import dev.evalgate.score.Scorer;

import java.util.List;

/**
 * The {@code judge} scorer: a model judge's verdict on the output, its score and its reason. A judge error is an
 * ERROR score whose reason starts with {@value Judgment#ERROR_PREFIX}.
 */
public final class JudgeScorer implements Scorer {

    /** The scorer's id in suite files, the store and reports. */
    public static final String ID = "judge";

    private final Judge judge;
    private final boolean grading;

    JudgeScorer(Judge judge) {
        this(judge, true);
    }

    private JudgeScorer(Judge judge, boolean grading) {
        this.judge = judge;
        this.grading = grading;
    }

    public Judge judge() {
        return judge;
    }

    @Override
    public Score score(Case kase, String output) {
        if (!grading) {
            return Score.error(ID, Judgment.ERROR_PREFIX + "not graded during warm-up");
        }
        return judge.judge(kase, output).toScore(ID);
    }

    @Override
    public boolean needsExpected() {
        return judge.settings().prompt().mode().needsExpected();
    }

    /** {@code scorers} with every judge scorer using {@code cache} for its votes. */
    public static List<ConfiguredScorer> withCache(List<ConfiguredScorer> scorers, ResponseCache cache) {
        return scorers.stream().map(c -> c.scorer() instanceof JudgeScorer j
                ? new ConfiguredScorer(c.id(), new JudgeScorer(j.judge.withCache(cache), j.grading),
                c.classification(), c.spec())
                : c).toList();
    }

    /**
     * {@code scorers} with every judge scorer making no call: for warm-up calls, whose scores are thrown away and
     * must not pay a judge.
     */
    public static List<ConfiguredScorer> withoutCalls(List<ConfiguredScorer> scorers) {
        return scorers.stream().map(c -> c.scorer() instanceof JudgeScorer j
                ? new ConfiguredScorer(c.id(), new JudgeScorer(j.judge, false), c.classification(), c.spec())
                : c).toList();
    }

    /** The judges the scorers use, each once. */
    public static List<Judge> judges(List<ConfiguredScorer> scorers) {
        return scorers.stream().filter(c -> c.scorer() instanceof JudgeScorer)
                .map(c -> ((JudgeScorer) c.scorer()).judge).distinct().toList();
    }
}
