package com.example.support;

import dev.evalgate.junit.EvalResult;
import dev.evalgate.junit.EvalSuite;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs evalgate.yaml and applies its gate against baseline.json, as {@code evalgate check --baseline} would: the
 * build fails with the gate's verdict lines when the router gets worse.
 */
class TicketRouterGateTest {

    @Test
    @EvalSuite(file = "evalgate.yaml", baseline = "baseline.json")
    void routes_tickets_as_well_as_the_baseline(EvalResult result) {
        assertEquals(150, result.record().target("rules").orElseThrow().cases().size());
    }
}
