package dev.evalgate.springai;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.evaluation.EvaluationRequest;
import org.springframework.ai.evaluation.EvaluationResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluatorScorerTest {

    private static final Case CASE = Case.of("c1", "What is the capital of France?", Expected.text("Paris"));

    @Test
    void a_passing_evaluation_is_a_pass_with_its_feedback_as_the_reason() {
        Score score = EvaluatorScorer.of("fact-check", r -> new EvaluationResponse(true, 0.9f, "supported", Map.of()))
                .score(CASE, "Paris");

        assertThat(score.outcome()).isEqualTo(Outcome.PASS);
        assertThat(score.value()).isEqualTo(0.9f);
        assertThat(score.scorer()).isEqualTo("fact-check");
        assertThat(score.reason()).endsWith("passed the answer: supported");
    }

    @Test
    void a_failing_evaluation_is_a_fail_not_an_error() {
        Score score = EvaluatorScorer.of("fact-check", r -> new EvaluationResponse(false, "not in the document",
                Map.of())).score(CASE, "Lyon");

        assertThat(score.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(score.value()).isZero();
        assertThat(score.reason()).contains("failed the answer: not in the document");
    }

    @Test
    void a_pass_without_a_score_counts_as_one() {
        Score score = EvaluatorScorer.of("relevant", r -> new EvaluationResponse(true, "", Map.of()))
                .score(CASE, "Paris");

        assertThat(score.outcome()).isEqualTo(Outcome.PASS);
        assertThat(score.value()).isEqualTo(1.0);
    }

    @Test
    void a_score_outside_zero_to_one_is_not_taken_as_the_value_and_the_reason_says_so() {
        Score score = EvaluatorScorer.of("stars", r -> new EvaluationResponse(true, 4f, "", Map.of()))
                .score(CASE, "Paris");

        assertThat(score.value()).isEqualTo(1.0);
        assertThat(score.reason()).contains("4.0 is outside [0, 1]");
    }

    @Test
    void an_evaluator_that_throws_is_an_error_of_the_case_not_a_fail() {
        Score score = EvaluatorScorer.of("fact-check", r -> {
            throw new IllegalStateException("judge model unreachable");
        }).score(CASE, "Paris");

        assertThat(score.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(score.reason()).contains("failed: judge model unreachable");
    }

    @Test
    void an_evaluator_that_answers_nothing_is_an_error() {
        Score score = EvaluatorScorer.of("fact-check", r -> null).score(CASE, "Paris");

        assertThat(score.outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void the_request_holds_the_input_the_output_and_the_expected_answers_as_documents() {
        List<EvaluationRequest> seen = new ArrayList<>();
        EvaluatorScorer.of("fact-check", r -> {
            seen.add(r);
            return new EvaluationResponse(true, "", Map.of());
        }).score(Case.of("c1", "Capital?", Expected.anyOf(List.of("Paris", "Paris, France"))), "Paris");

        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst().getUserText()).isEqualTo("Capital?");
        assertThat(seen.getFirst().getResponseContent()).isEqualTo("Paris");
        assertThat(seen.getFirst().getDataList()).extracting(Document::getText).containsExactly("Paris", "Paris, France");
    }

    @Test
    void documents_can_come_from_another_case_field() {
        List<EvaluationRequest> seen = new ArrayList<>();
        Case kase = new Case("c1", Map.of("input", "Capital?", "context", List.of("France's capital is Paris.")),
                Expected.none(), Map.of(), null, "c1");

        EvaluatorScorer.of("fact-check", r -> {
            seen.add(r);
            return new EvaluationResponse(true, "", Map.of());
        }).contextFrom("context").score(kase, "Paris");

        assertThat(seen.getFirst().getDataList()).extracting(Document::getText)
                .containsExactly("France's capital is Paris.");
    }
}
