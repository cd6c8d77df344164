package dev.evalgate.judge;

import dev.evalgate.score.Grading;
import dev.evalgate.score.Outcome;
import dev.evalgate.target.TokenUsage;

import java.util.ArrayList;
import java.util.List;

/** Adds up what a judgment's votes spent into its {@link Grading}. */
final class Spend {

    private Spend() {
    }

    static Grading of(List<Vote> votes) {
        List<Outcome> outcomes = new ArrayList<>(votes.size());
        int calls = 0;
        int cached = 0;
        TokenUsage usage = null;
        Double cost = 0.0;
        double latency = 0;
        for (Vote v : votes) {
            outcomes.add(v.outcome());
            if (v.cached()) {
                cached++;
            } else {
                calls++;
                latency += v.latencyMs();
            }
            if (v.usage() != null) {
                usage = (usage == null ? TokenUsage.ZERO : usage).plus(v.usage());
            }
            // one vote of unknown price makes the whole cost unknown, never a partial sum shown as the total
            cost = cost == null || v.costUsd() == null ? null : cost + v.costUsd();
        }
        return new Grading(outcomes, calls, cached, usage, cost, latency);
    }
}
