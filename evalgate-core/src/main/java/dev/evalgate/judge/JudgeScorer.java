package dev.evalgate.judge;

import dev.evalgate.calibration.CalibrationStatus;
import dev.evalgate.dataset.Case;
import java.nio.file.Path;
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

    private final String name;
    private final Judge judge;
    private final boolean grading;
    private final CalibrationStatus calibration;
    private final Path labels;

    JudgeScorer(String name, Judge judge, Path labels, CalibrationStatus calibration) {
        this(name, judge, true, labels, calibration);
    }

    private JudgeScorer(String name, Judge judge, boolean grading, Path labels, CalibrationStatus calibration) {
        this.name = name;
        this.labels = labels;
        this.judge = judge;
        this.grading = grading;
        this.calibration = calibration;
    }

    /** Whether the judge's rates can be corrected: its calibration as the suite was loaded, or why there is none. */
    public CalibrationStatus calibration() {
        return calibration;
    }

    /** The id its scores carry: {@code judge}, or the scorer's {@code name:} when a suite has several judges. */
    @Override
    public String name() {
        return name;
    }

    /** The labels file this judge is calibrated from: its {@code labels:} option, or the default beside the suite. */
    public Path labels() {
        return labels;
    }

    public Judge judge() {
        return judge;
    }

    @Override
    public Score score(Case kase, String output) {
        if (!grading) {
            return Score.error(name, Judgment.ERROR_PREFIX + "not graded during warm-up");
        }
        return judge.judge(kase, output).toScore(name);
    }

    @Override
    public boolean needsExpected() {
        return judge.settings().prompt().mode().needsExpected();
    }

    /** {@code scorers} with every judge scorer using {@code cache} for its votes. */
    public static List<ConfiguredScorer> withCache(List<ConfiguredScorer> scorers, ResponseCache cache) {
        return scorers.stream().map(c -> c.scorer() instanceof JudgeScorer j
                ? new ConfiguredScorer(c.id(), new JudgeScorer(j.name, j.judge.withCache(cache), j.grading, j.labels, j.calibration),
                c.classification(), c.spec())
                : c).toList();
    }

    /**
     * {@code scorers} with every judge scorer making no call: for warm-up calls, whose scores are thrown away and
     * must not pay a judge.
     */
    public static List<ConfiguredScorer> withoutCalls(List<ConfiguredScorer> scorers) {
        return scorers.stream().map(c -> c.scorer() instanceof JudgeScorer j
                ? new ConfiguredScorer(c.id(), new JudgeScorer(j.name, j.judge, false, j.labels, j.calibration), c.classification(), c.spec())
                : c).toList();
    }

    /** The judges the scorers use, each once. */
    public static List<Judge> judges(List<ConfiguredScorer> scorers) {
        return scorers.stream().filter(c -> c.scorer() instanceof JudgeScorer)
                .map(c -> ((JudgeScorer) c.scorer()).judge).distinct().toList();
    }
}
