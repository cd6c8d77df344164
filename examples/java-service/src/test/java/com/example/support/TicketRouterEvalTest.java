package com.example.support;

import dev.evalgate.junit.EvalAssertions;
import dev.evalgate.junit.EvalResult;
import dev.evalgate.junit.Evaluation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

/** The same cases defined in Java instead of YAML, with each limit asserted on its own. */
class TicketRouterEvalTest {

    private final TicketRouter router = new TicketRouter();

    @Test
    void routes_most_tickets_fast_and_no_worse_than_the_baseline() {
        EvalResult result = Evaluation.suite("ticket-router-builder")
                .dataset(Path.of("data/tickets.jsonl"))
                .target("rules", message -> router.route(message).label())
                .scorer("label")
                .concurrency(4)
                .run();

        EvalAssertions.assertThat(result)
                .passRateAtLeast(0.80)
                // a budget for the router, not for the machine: a loaded CI host must not fail it
                .p95Below(Duration.ofMillis(500))
                .noSignificantRegressionAgainst(Path.of("baseline.json"), 0.03);
    }
}
