package dev.evalgate.judge;

import dev.evalgate.score.Outcome;
import dev.evalgate.target.TokenUsage;

/**
 * One judge call on one output: its verdict, or why it gave none.
 *
 * @param index     the vote's number, from 0; part of the cache key, so k votes are k distinct calls
 * @param outcome   PASS or FAIL, or ERROR when the call failed or the reply held no complete verdict
 * @param score     the judge's score in [0, 1]; 0 on error
 * @param reason    the judge's reason, or on error what went wrong
 * @param relation  in the reference mode, how the output relates to the expected answer; null otherwise
 * @param cached    answered from the response cache: no call was made and nothing was spent
 * @param usage     tokens of a live call, or null
 * @param costUsd   cost of a live call (0 when cached), or null when the judge has no known price
 * @param latencyMs wall time of a live call; 0 when cached
 */
public record Vote(int index, Outcome outcome, double score, String reason, String relation, boolean cached,
                   TokenUsage usage, Double costUsd, double latencyMs) {

    public boolean error() {
        return outcome == Outcome.ERROR;
    }
}
