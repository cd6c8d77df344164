package dev.evalgate.springai;

import dev.evalgate.dataset.Case;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.score.Scorer;
import org.springframework.ai.document.Document;
import org.springframework.ai.evaluation.EvaluationRequest;
import org.springframework.ai.evaluation.EvaluationResponse;
import org.springframework.ai.evaluation.Evaluator;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A scorer that asks a Spring AI {@link Evaluator} (a {@code RelevancyEvaluator}, a {@code FactCheckingEvaluator}
 * or the team's own) whether an answer passes, so the checks a Spring application already has become measured,
 * gated cases.
 *
 * <p>Each output becomes one evaluation request: the case input as the user text, the output as the response, and
 * as documents the case's context, by default its expected answers ({@link #contextFrom(String)} names another
 * case field). The response maps to a score: {@code isPass()} to PASS or FAIL, the feedback to the reason, and
 * {@code getScore()} to the value when it lies in [0, 1] (the evaluators that give no score report 0 even when
 * they pass, so a pass without a score counts 1). An evaluator that throws, or answers nothing, is an ERROR of the
 * case, not a FAIL: the answer was never judged.
 */
public final class EvaluatorScorer implements Scorer {

    private final String name;
    private final Evaluator evaluator;
    private final String contextField;

    private EvaluatorScorer(String name, Evaluator evaluator, String contextField) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an evaluator scorer needs a name, such as \"fact-check\"");
        }
        this.name = name;
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.contextField = contextField;
    }

    /** Scores carry {@code name}; the documents are the case's expected answers. */
    public static EvaluatorScorer of(String name, Evaluator evaluator) {
        return new EvaluatorScorer(name, evaluator, null);
    }

    /** The same scorer taking its documents from case field {@code field} (a text or a list of texts). */
    public EvaluatorScorer contextFrom(String field) {
        return new EvaluatorScorer(name, evaluator, field == null || field.equals("expected") ? null : field);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Score score(Case kase, String output) {
        EvaluationResponse response;
        try {
            response = evaluator.evaluate(new EvaluationRequest(kase.input(), documents(kase),
                    output == null ? "" : output));
        } catch (RuntimeException e) {
            return Score.error(name, evaluatorName() + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (response == null) {
            return Score.error(name, evaluatorName() + " returned no evaluation");
        }
        boolean pass = response.isPass();
        float score = response.getScore();
        boolean scored = score > 0 && score <= 1 || score == 0 && !pass;
        double value = scored ? score : pass ? 1 : 0;
        return new Score(name, value, pass ? Outcome.PASS : Outcome.FAIL, reason(response, pass, scored, score));
    }

    private String reason(EvaluationResponse response, boolean pass, boolean scored, float score) {
        StringBuilder reason = new StringBuilder(evaluatorName()).append(pass ? " passed the answer" : " failed the answer");
        if (!scored && score != 0) {
            reason.append(" (its score ").append(score).append(" is outside [0, 1], so the value is ")
                    .append(pass ? "1" : "0").append(')');
        }
        String feedback = response.getFeedback();
        if (feedback != null && !feedback.isBlank()) {
            reason.append(": ").append(feedback.strip());
        }
        return reason.toString();
    }

    private List<Document> documents(Case kase) {
        List<String> texts;
        if (contextField == null) {
            texts = kase.expected().answers();
        } else {
            Object value = kase.vars().get(contextField);
            texts = value == null ? List.of()
                    : value instanceof Collection<?> many ? many.stream().map(String::valueOf).toList()
                    : List.of(value.toString());
        }
        return texts.stream().filter(t -> !t.isBlank()).map(Document::new).toList();
    }

    private String evaluatorName() {
        String simple = evaluator.getClass().getSimpleName();
        return simple.isEmpty() || simple.contains("$$Lambda") ? "the evaluator" : simple;
    }
}
