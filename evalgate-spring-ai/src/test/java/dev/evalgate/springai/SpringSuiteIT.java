package dev.evalgate.springai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.compare.CaseRecord;
import dev.evalgate.junit.EvalResult;
import dev.evalgate.junit.EvalSuite;
import dev.evalgate.score.Outcome;
import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.RecordedRequest;
import dev.evalgate.testkit.ScriptedResponse;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.evaluation.FactCheckingEvaluator;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suite file run with {@code @EvalSuite} inside a Spring test: its targets and its scorer are beans of the test's
 * application context, found by name with no extra wiring, and called over Spring AI's real OpenAI client against
 * a loopback model.
 */
@SpringJUnitConfig(SpringSuiteIT.Beans.class)
class SpringSuiteIT {

    @Configuration
    static class Beans {

        @Bean(destroyMethod = "close")
        LoopbackServer modelServer() {
            return LoopbackServer.start().respondWith(Beans::answer);
        }

        @Bean
        ChatModel chatModel(LoopbackServer modelServer) {
            return OpenAiLoopback.model(modelServer);
        }

        @Bean
        ChatClient assistantClient(ChatModel chatModel) {
            return ChatClient.builder(chatModel).defaultSystem("Answer with the city only.").build();
        }

        @Bean
        FactCheckingEvaluator factChecker(ChatModel chatModel) {
            return FactCheckingEvaluator.builder(ChatClient.builder(chatModel)).build();
        }

        /** The model knows two capitals of three; as a judge, it supports a claim its document names. */
        private static ScriptedResponse answer(RecordedRequest request) {
            String text = lastMessage(request.body());
            int claim = text.indexOf("Claim:");
            if (claim >= 0) {
                String city = text.substring(claim + "Claim:".length()).strip();
                return OpenAiLoopback.answer(text.substring(0, claim).contains(" is " + city + ".") ? "yes" : "no",
                        50, 1);
            }
            Map<String, String> capitals = Map.of("France", "Paris", "Italy", "Rome", "Spain", "Barcelona");
            return capitals.entrySet().stream().filter(e -> text.contains("capital of " + e.getKey())).findFirst()
                    .map(e -> OpenAiLoopback.answer(e.getValue(), 20, 2))
                    .orElse(OpenAiLoopback.error(400, "unexpected request"));
        }

        private static String lastMessage(String body) {
            try {
                JsonNode messages = new ObjectMapper().readTree(body).path("messages");
                JsonNode content = messages.get(messages.size() - 1).path("content");
                return content.isArray() ? content.get(0).path("text").asText() : content.asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Autowired
    LoopbackServer modelServer;

    @Test
    @EvalSuite(file = "src/test/resources/dev/evalgate/springai/capitals.yaml")
    void runs_a_suite_whose_targets_and_scorer_are_beans_of_the_test(EvalResult result) {
        for (String target : List.of("model", "client")) {
            List<CaseRecord> cases = result.record().target(target).orElseThrow().cases();
            assertThat(cases).extracting(CaseRecord::caseId, CaseRecord::outcome).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("france", Outcome.PASS),
                    org.assertj.core.groups.Tuple.tuple("italy", Outcome.PASS),
                    org.assertj.core.groups.Tuple.tuple("spain", Outcome.FAIL));
            assertThat(cases).allSatisfy(c -> {
                assertThat(c.tokensIn()).isEqualTo(20);
                assertThat(c.tokensOut()).isEqualTo(2);
            });
            assertThat(cases).filteredOn(c -> c.caseId().equals("spain")).singleElement()
                    .satisfies(c -> assertThat(c.reason()).contains("FactCheckingEvaluator failed the answer"));
        }
        assertThat(result.costPerRequest("model")).as("priced in the suite: tokens from the response metadata")
                .isGreaterThan(0);
        assertThat(modelServer.requests()).filteredOn(r -> r.body().contains("Answer with the city only."))
                .as("the ChatClient bean's default system text was sent").hasSize(3);
    }
}
