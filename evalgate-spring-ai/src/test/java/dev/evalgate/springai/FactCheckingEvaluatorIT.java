package dev.evalgate.springai;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.testkit.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.evaluation.FactCheckingEvaluator;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring AI's own FactCheckingEvaluator, judging with the real OpenAI client against a loopback judge model. */
class FactCheckingEvaluatorIT {

    private final LoopbackServer judge = LoopbackServer.start();

    @AfterEach
    void stop() {
        judge.close();
    }

    /** A judge that says "yes" when the claim's city is the one its document names. */
    private EvaluatorScorer scorer() {
        judge.respondWith(r -> {
            String body = r.body();
            String claim = body.substring(body.indexOf("Claim:"));
            boolean supported = body.contains("capital is Paris") && claim.contains("Paris");
            return OpenAiLoopback.answer(supported ? "yes" : "no", 40, 1);
        });
        FactCheckingEvaluator evaluator = FactCheckingEvaluator
                .builder(ChatClient.builder(OpenAiLoopback.model(judge))).build();
        return EvaluatorScorer.of("fact-check", evaluator);
    }

    private static final Case CASE = Case.of("c1", "What is the capital of France?",
            Expected.text("The capital is Paris."));

    @Test
    void a_supported_claim_passes() {
        Score score = scorer().score(CASE, "Paris");

        assertThat(score.outcome()).isEqualTo(Outcome.PASS);
        assertThat(score.value()).isEqualTo(1.0);
        assertThat(judge.requests().getFirst().body()).contains("The capital is Paris.");
    }

    @Test
    void an_unsupported_claim_fails() {
        Score score = scorer().score(CASE, "Lyon");

        assertThat(score.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(score.reason()).contains("FactCheckingEvaluator failed the answer");
    }

    @Test
    void a_judge_that_errors_makes_the_case_an_error_not_a_fail() {
        EvaluatorScorer scorer = scorer();
        judge.respondWith(r -> OpenAiLoopback.error(500, "judge down"));

        Score score = scorer.score(CASE, "Paris");

        assertThat(score.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(score.reason()).contains("FactCheckingEvaluator failed");
    }
}
