package dev.evalgate.score;

import dev.evalgate.target.TokenUsage;

import java.util.List;

/**
 * What grading one output with a model judge took: the votes it cast and what they cost. It is the grader's spend,
 * kept apart from the candidate's: never part of a target's cost per request, latency or cost budget.
 *
 * @param votes       each vote's outcome in vote order; ERROR for a vote that gave no verdict
 * @param calls       live judge calls made (cached votes make none)
 * @param cachedVotes votes answered from the response cache
 * @param usage       judge tokens over the live and cached votes, or null when the judge reports none
 * @param costUsd     judge cost in US dollars, or null when the judge has no known price
 * @param latencyMs   wall time of the live judge calls, summed; 0 when every vote was cached
 */
public record Grading(List<Outcome> votes, int calls, int cachedVotes, TokenUsage usage, Double costUsd,
                      double latencyMs) {

    public Grading {
        votes = List.copyOf(votes);
    }

    /** Whether the votes that gave a verdict disagree: some passed and some failed. */
    public boolean flipped() {
        return votes.contains(Outcome.PASS) && votes.contains(Outcome.FAIL);
    }
}
