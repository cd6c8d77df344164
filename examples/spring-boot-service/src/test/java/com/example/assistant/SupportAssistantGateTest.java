package com.example.assistant;

import dev.evalgate.junit.EvalResult;
import dev.evalgate.junit.EvalSuite;
import dev.evalgate.springai.ChatResponseTarget;
import dev.evalgate.target.Target;
import dev.evalgate.testkit.LoopbackServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Starts the application, points its chat model at a loopback stand-in, and runs evalgate.yaml against
 * baseline.json: the suite's target is the {@code assistantTarget} bean below, which calls the application's own
 * {@link SupportAssistant}. The build fails with the gate's verdict lines when the assistant gets worse.
 */
@SpringBootTest
class SupportAssistantGateTest {

    private static final LoopbackServer MODEL = FakeSupportModel.start();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry properties) {
        properties.add("spring.ai.openai.base-url", () -> MODEL.url("/v1"));
        properties.add("spring.ai.openai.api-key", () -> "no-key-needed");
        // evalgate's runner retries rate limits and timeouts itself, and records each attempt
        properties.add("spring.ai.openai.max-retries", () -> "0");
    }

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    /** The beans the suite names with {@code type: spring}. */
    @TestConfiguration
    static class EvalBeans {
        @Bean
        Target assistantTarget(SupportAssistant assistant) {
            return ChatResponseTarget.of(request -> assistant.answer(request.userText()));
        }
    }

    @Test
    @EvalSuite(file = "evalgate.yaml", baseline = "baseline.json")
    void routes_messages_as_well_as_the_baseline(EvalResult result) {
        assertEquals(40, result.record().target("assistant").orElseThrow().cases().size());
    }
}
