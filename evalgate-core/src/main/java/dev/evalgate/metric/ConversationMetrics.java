package dev.evalgate.metric;

/**
 * What one target's conversations add up to: how well it called tools, how long its conversations ran, and their
 * time and cost per conversation and per model call.
 *
 * <p>Tool-call precision and recall are pooled over every case that states its expected calls: matched calls over
 * calls made, and required calls met over calls required. NaN means there was nothing to divide.
 *
 * @param conversations      samples that ran as a conversation
 * @param toolCalls          tool calls made over all conversations
 * @param precision          matched calls / calls made, in cases that state expectations
 * @param recall             required calls met / calls required, in cases that state expectations
 * @param hitMaxSteps        conversations stopped at max_steps
 * @param maxStepsRate       hitMaxSteps / conversations
 * @param stepsMean          model calls per conversation, mean
 * @param stepsP95           model calls per conversation, 95th percentile (nearest rank)
 * @param latencyMeanMs      a conversation's total latency (sum of its calls), mean over live conversations
 * @param latencyP95Ms       the same, 95th percentile
 * @param callLatencyMeanMs  one model call's latency, mean over live calls
 * @param callLatencyP95Ms   the same, 95th percentile
 * @param costMeanUsd        a conversation's cost, mean over conversations of known cost
 * @param callCostMeanUsd    one model call's cost, mean over calls of known cost
 */
public record ConversationMetrics(long conversations, long toolCalls, double precision, double recall,
                                  long hitMaxSteps, double maxStepsRate, double stepsMean, double stepsP95, double latencyMeanMs,
                                  double latencyP95Ms, double callLatencyMeanMs, double callLatencyP95Ms,
                                  double costMeanUsd, double callCostMeanUsd) {
}
