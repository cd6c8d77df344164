package dev.evalgate.run;

import dev.evalgate.dataset.Case;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.tools.CaseScript;
import dev.evalgate.tools.Conversation;
import dev.evalgate.tools.Exchange;
import dev.evalgate.tools.ModelCall;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.Toolbox;
import dev.evalgate.tools.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The agent loop of one conversation: send every turn so far, answer the model's tool calls from the case's
 * script, send the results back, until the model answers without a tool call or {@code maxSteps} calls were made.
 *
 * <p>Each model call goes through the caller (timed, retried on its own, so a 429 on step 2 retries step 2 and
 * never restarts the conversation) and the response cache, keyed by the conversation so far.
 */
final class AgentLoop {

    /**
     * How a conversation went.
     *
     * @param last      the final reply (or the last one, at max_steps); null when a call failed
     * @param error     why a call failed; null otherwise
     * @param latencyMs sum of the live calls' latencies; NaN when any call came from the cache or none was made
     * @param costUsd   sum of the calls' costs; null when any is unknown
     */
    record Result(Reply last, CallError error, Exchange exchange, double latencyMs, TokenUsage usage, Double costUsd,
                  int attempts, boolean cached) {
    }

    private final TargetConfig target;
    private final ResilientCaller caller;
    private final ResponseCache cache;
    private final Toolbox toolbox;
    private final UnaryOperator<Reply> mask;

    AgentLoop(TargetConfig target, ResilientCaller caller, ResponseCache cache, Toolbox toolbox,
              UnaryOperator<Reply> mask) {
        this.target = target;
        this.caller = caller;
        this.cache = cache;
        this.toolbox = toolbox;
        this.mask = mask;
    }

    Result run(Case kase, RenderedPrompt prompt, int repeat) throws InterruptedException {
        CaseScript script = CaseScript.of(kase);
        List<Turn> turns = opening(script, prompt, kase);
        List<ModelCall> calls = new ArrayList<>();
        boolean caching = cache != ResponseCache.NONE && target.target().cacheable();
        for (int step = 1; ; step++) {
            Request request = new Request(kase, prompt, repeat,
                    new Conversation(turns, toolbox.tools(), toolbox.isEmpty() ? null : toolbox.toolChoice()));
            String key = caching ? ResponseCache.key(target.cacheIdentity(), request) : null;
            Optional<Reply> kept = key == null ? Optional.empty() : cache.get(key);
            Reply reply;
            if (kept.isPresent()) {
                reply = mask.apply(kept.get());
                calls.add(call(step, Double.NaN, 0, reply, true));
            } else {
                Attempted attempted = caller.call(request);
                if (attempted.failed()) {
                    // providers do not bill a failed request: it costs nothing when the price is known
                    calls.add(new ModelCall(step, attempted.latencyMs(), attempted.attempts(), null,
                            target.price().known() ? 0.0 : null, false, "", List.of()));
                    return result(null, attempted.error(), turns, calls, false);
                }
                reply = numbered(mask.apply(attempted.reply()), step);
                if (key != null) {
                    cache.put(key, reply);
                }
                calls.add(call(step, attempted.latencyMs(), attempted.attempts(), reply, false));
            }
            turns.add(Turn.assistant(reply.text(), reply.toolCalls()));
            if (reply.toolCalls().isEmpty()) {
                return result(reply, null, turns, calls, false);
            }
            if (step >= toolbox.maxSteps()) {
                return result(reply, null, turns, calls, true);
            }
            for (ToolCall c : reply.toolCalls()) {
                turns.add(Turn.toolResult(c, script.script().answer(c)));
            }
        }
    }

    /** The case's turns, or its single user text; the prompt's system text first when the case has none. */
    private static List<Turn> opening(CaseScript script, RenderedPrompt prompt, Case kase) {
        List<Turn> turns = new ArrayList<>();
        String system = prompt == null ? null : prompt.system();
        boolean ownSystem = script.messages().stream().anyMatch(t -> "system".equals(t.role()));
        if (system != null && !ownSystem) {
            turns.add(Turn.of("system", system));
        }
        if (script.conversation()) {
            turns.addAll(script.messages());
        } else {
            turns.add(Turn.of("user", prompt == null ? kase.input() : prompt.user()));
        }
        return turns;
    }

    /** Gives calls that came without an id one, so each result can name the call it answers. */
    private static Reply numbered(Reply reply, int step) {
        if (reply.toolCalls().stream().noneMatch(c -> c.id().isEmpty())) {
            return reply;
        }
        List<ToolCall> named = new ArrayList<>();
        for (int i = 0; i < reply.toolCalls().size(); i++) {
            ToolCall c = reply.toolCalls().get(i);
            named.add(c.id().isEmpty() ? new ToolCall("call_" + step + "_" + (i + 1), c.name(), c.arguments()) : c);
        }
        return new Reply(reply.text(), reply.usage(), named);
    }

    private ModelCall call(int step, double latencyMs, int attempts, Reply reply, boolean cached) {
        return new ModelCall(step, latencyMs, attempts, reply.usage(), target.price().cost(reply.usage()), cached,
                reply.text(), reply.toolCalls());
    }

    private Result result(Reply last, CallError error, List<Turn> turns, List<ModelCall> calls, boolean hitMax) {
        Exchange exchange = new Exchange(turns, calls, toolbox.tools(), hitMax, toolbox.maxSteps());
        double latency = 0;
        long in = 0;
        long out = 0;
        boolean anyUsage = false;
        Double cost = 0.0;
        int attempts = 0;
        boolean cached = false;
        for (ModelCall c : calls) {
            latency += c.latencyMs();
            cached |= c.cached();
            attempts += c.attempts();
            if (c.usage() != null) {
                anyUsage = true;
                in += c.usage().input();
                out += c.usage().output();
            }
            cost = cost == null || c.costUsd() == null ? null : cost + c.costUsd();
        }
        return new Result(last, error, exchange, cached ? Double.NaN : latency, anyUsage ? new TokenUsage(in, out) : null,
                cost, attempts, cached);
    }
}
