package dev.evalgate.cli;

import dev.evalgate.calibration.LabelsFile;
import dev.evalgate.error.ConfigException;
import dev.evalgate.judge.JudgeScorer;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.suite.Suite;

import java.nio.file.Path;
import java.util.List;

/** Finding a suite's judge scorer by id, and where its labels are kept by default. */
final class JudgeScorers {

    private JudgeScorers() {
    }

    /** The judge of the scorer {@code id}, or a usage error naming the judge scorers the suite has. */
    static JudgeScorer find(Suite suite, String id) {
        List<ConfiguredScorer> judges = suite.scorers().stream().filter(s -> s.scorer() instanceof JudgeScorer)
                .toList();
        for (ConfiguredScorer s : judges) {
            if (s.id().equals(id)) {
                return (JudgeScorer) s.scorer();
            }
        }
        throw new ConfigException("suite " + suite.file() + " has no judge scorer '" + id + "'"
                + (judges.isEmpty() ? "; add one under 'scorers:', e.g. '- judge: { judge: grader, rubric: ... }'"
                : "; its judge scorers are " + String.join(", ", judges.stream().map(ConfiguredScorer::id).toList())
                + ". Name one with --scorer."));
    }

    /** {@code labels/<scorer>.jsonl} in the suite file's folder. */
    static Path defaultLabels(Path suiteFile, String scorer) {
        return LabelsFile.defaultFor(suiteFile.toAbsolutePath().getParent(), scorer);
    }
}
