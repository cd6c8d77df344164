package dev.evalgate.judge;

import dev.evalgate.calibration.CalibrationStatus;
import dev.evalgate.calibration.LabelsFile;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.config.Suggest;
import dev.evalgate.error.ConfigException;
import dev.evalgate.run.ResponseCache;
import dev.evalgate.score.Scorer;
import dev.evalgate.score.ScorerKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Builds {@code judge} scorers from their options, against the judges a suite declared under {@code judges:}.
 *
 * <pre>{@code
 * - judge: { judge: grader, mode: rubric, rubric_file: rubric.md, votes: 3 }
 * }</pre>
 */
public final class JudgeScorerKind implements ScorerKind {

    private final Judges judges;
    private final Path baseDir;

    /**
     * @param judges  the suite's judges, callable and skipped
     * @param baseDir the suite file's folder; {@code rubric_file} and {@code template_file} resolve against it
     */
    public JudgeScorerKind(Judges judges, Path baseDir) {
        this.judges = judges;
        this.baseDir = baseDir;
    }

    @Override
    public String id() {
        return JudgeScorer.ID;
    }

    @Override
    public Scorer create(Options o) {
        ConfigNode judgeNode = o.required("judge", "the id of a judge declared under 'judges:', e.g. 'judge: grader'");
        String judgeId = o.requiredString("judge", "");
        JudgeMode mode = mode(o);
        String rubric = text(o, "rubric", "rubric_file");
        String template = text(o, "template", "template_file");
        String contextVar = mode == JudgeMode.FAITHFUL ? o.string("context", "context") : null;
        if (mode != JudgeMode.FAITHFUL && o.has("context")) {
            throw o.node("context").orElseThrow().error("is only read by mode 'faithful'; remove it or set "
                    + "'mode: faithful'");
        }
        String rubricVar = o.string("rubric_var").orElse(null);
        if (rubricVar != null && rubric != null) {
            throw o.node("rubric_var").orElseThrow().error("is set together with a rubric; keep one of them");
        }
        if (mode == JudgeMode.RUBRIC && rubric == null && template == null && rubricVar == null) {
            throw ConfigException.at(o.node().file(), o.node().line(), "key '" + o.node().path() + "' uses mode "
                    + "'rubric' without a rubric: add 'rubric: \"...\"', 'rubric_file: rubric.md' or 'rubric_var: FIELD'");
        }
        int votes = o.integer("votes", 1, 99).orElse(1);
        o.strings("requires_env"); // decided when the suite is read: a scorer whose variable is unset is left out
        Double passAt = o.number("pass_at", 0, 1).orElse(null);
        Judges.Entry entry = entry(judgeId, judgeNode);
        JudgePrompt prompt = new JudgePrompt(mode, rubric, template, contextVar, rubricVar);
        JudgeSettings settings = new JudgeSettings(entry.target(), prompt, votes, passAt,
                JudgeDefinition.asWritten(o.node().file(), judgeId));
        String name = name(o);
        Path labels = o.string("labels").map(baseDir::resolve).orElse(LabelsFile.defaultFor(baseDir, name));
        return new JudgeScorer(name, new Judge(settings, entry.caller(), ResponseCache.NONE), labels,
                calibration(o, settings, name, labels));
    }

    /**
     * The calibration kept beside the scorer's labels file ({@code labels:}, default {@code labels/judge.jsonl}
     * beside the suite); with {@code require_calibration: true} a judge without a matching one is a config error.
     */
    private CalibrationStatus calibration(Options o, JudgeSettings settings, String name, Path labels) {
        boolean required = o.bool("require_calibration").orElse(false);
        CalibrationStatus status = CalibrationStatus.forLabels(name, settings.fingerprint(), labels);
        if (required && status instanceof CalibrationStatus.Unusable unusable) {
            throw o.node("require_calibration").orElseThrow().error("is true, but " + unusable.reason()
                    + " (or set require_calibration: false to report raw judged rates)");
        }
        return status;
    }

    /** The scorer's {@code name:}, the id its scores, labels and calibration go by; {@code judge} without one. */
    private static String name(Options o) {
        String name = o.string("name", JudgeScorer.ID);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw o.node("name").orElseThrow().error("is '" + name + "'; a scorer name is letters, digits, '_', '-'"
                    + " and '.', e.g. 'tone' (it names the scorer in reports and its labels file)");
        }
        return name;
    }

    private Judges.Entry entry(String judgeId, ConfigNode where) {
        Judges.Entry entry = judges.callable().get(judgeId);
        if (entry != null) {
            return entry;
        }
        String skipped = judges.skipped().get(judgeId);
        if (skipped != null) {
            throw where.error("names judge '" + judgeId + "', which cannot run here: " + skipped
                    + ". Set it, or give this scorer the same 'requires_env' so it is left out with its judge.");
        }
        String nearest = Suggest.nearest(judgeId, judges.ids());
        throw where.error("names judge '" + judgeId + "', which is not declared under 'judges:'."
                + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                + (judges.ids().isEmpty() ? " Declare it, e.g.\n  judges:\n    grader: { type: openai, model: "
                + "gpt-4o-mini, api_key: \"${OPENAI_API_KEY}\" }" : " Declared judges: "
                + String.join(", ", judges.ids()) + "."));
    }

    private static JudgeMode mode(Options o) {
        String value = o.string("mode", "rubric");
        try {
            return JudgeMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String[] ids = Arrays.stream(JudgeMode.values()).map(JudgeMode::id).toArray(String[]::new);
            String nearest = Suggest.nearest(value, Arrays.asList(ids));
            throw o.node("mode").orElseThrow().error("is '" + value + "', which is not a judge mode."
                    + (nearest == null ? "" : " Did you mean '" + nearest + "'?") + " Modes: "
                    + String.join(", ", ids) + ".");
        }
    }

    /** The inline text under {@code key} or the content of the file under {@code fileKey}; null for neither. */
    private String text(Options o, String key, String fileKey) {
        boolean inline = o.has(key);
        boolean file = o.has(fileKey);
        if (inline && file) {
            throw o.node(fileKey).orElseThrow().error("is set together with '" + key + "'; keep one of them");
        }
        if (inline) {
            return o.requiredString(key, "");
        }
        if (!file) {
            return null;
        }
        ConfigNode node = o.node(fileKey).orElseThrow();
        Path path = baseDir.resolve(o.requiredString(fileKey, ""));
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw node.error("names " + path + ", which cannot be read (" + e.getClass().getSimpleName()
                    + "). Paths are relative to the suite file's folder.");
        }
    }
}
