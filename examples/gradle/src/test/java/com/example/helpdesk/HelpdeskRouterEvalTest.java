package com.example.helpdesk;

import dev.evalgate.junit.EvalAssertions;
import dev.evalgate.junit.EvalResult;
import dev.evalgate.junit.Evaluation;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/** The router measured on labelled messages, with its accuracy and speed held to a budget like any other test. */
class HelpdeskRouterEvalTest {

    private final HelpdeskRouter router = new HelpdeskRouter();

    @Test
    void routes_most_messages_to_the_right_team_quickly() {
        EvalResult result = Evaluation.suite("helpdesk-router")
                .datasetResource("messages.jsonl")          // src/test/resources/messages.jsonl
                .target("keywords", router::route)
                .scorer("label")
                .run();

        EvalAssertions.assertThat(result)
                .passRateAtLeast(0.75)
                .p95Below(Duration.ofMillis(200));
    }
}
