package dev.evalgate.run;

import dev.evalgate.dataset.Case;
import dev.evalgate.prompt.PromptTemplate;
import dev.evalgate.score.CaseScoring;
import dev.evalgate.score.ConfiguredScorer;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;
import dev.evalgate.target.Target;
import dev.evalgate.tools.CaseScript;
import dev.evalgate.tools.Exchange;
import dev.evalgate.tools.Toolbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one case through one target K times: render the prompt, call, transform the output, score, price.
 *
 * <p>What the target said (its reply or its error) has the suite's secrets masked before it is cached, judged or
 * handed on, so no sink can show one.
 */
final class CaseExecutor {

    private final TargetConfig target;
    private final ResilientCaller caller;
    private final List<ConfiguredScorer> scorers;
    private final Map<String, Object> suiteVars;
    private final int repeat;
    private final ResponseCache cache;
    private final Toolbox toolbox;

    CaseExecutor(TargetConfig target, ResilientCaller caller, List<ConfiguredScorer> scorers,
                 Map<String, Object> suiteVars, int repeat, ResponseCache cache) {
        this(target, caller, scorers, suiteVars, repeat, cache, Toolbox.NONE);
    }

    /** An executor that runs a case as a conversation when the suite offers tools or the case has turns. */
    CaseExecutor(TargetConfig target, ResilientCaller caller, List<ConfiguredScorer> scorers,
                 Map<String, Object> suiteVars, int repeat, ResponseCache cache, Toolbox toolbox) {
        this.toolbox = toolbox;
        this.target = target;
        this.cache = cache;
        this.caller = caller;
        this.scorers = scorers;
        this.suiteVars = suiteVars;
        this.repeat = repeat;
    }

    String targetId() {
        return target.id();
    }

    int concurrency() {
        return target.policy().concurrency();
    }

    /** The caller, for closing what a warm-up built; the measured run's callers are closed with their targets. */
    ResilientCaller caller() {
        return caller;
    }

    /**
     * Lets the target get ready before timing begins, with {@code first} (or nothing, when null) as the probe it may
     * send. A failure is left for the calls to report.
     */
    void prepare(Case first) throws InterruptedException {
        try {
            caller.target().prepare(probe(first));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // not fatal here: the measured calls meet the same problem and record it case by case
        }
    }

    /**
     * Lets the target open a connection for each call it will have in flight, with {@code first} (or nothing) as
     * the probe telling where to. A failure is left for the calls to report.
     */
    void connect(Case first) throws InterruptedException {
        Target t = caller.target();
        try {
            t.connect(probe(first), Math.max(1, Math.min(concurrency(), t.maxConcurrency())));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // not fatal here: the measured calls meet the same problem and record it case by case
        }
    }

    /** The request of {@code first}, or null when there is none or its prompt does not render. */
    private Request probe(Case first) {
        if (first == null) {
            return null;
        }
        try {
            PromptTemplate template = target.prompt();
            return new Request(first, template == null ? null : template.render(first, suiteVars), 0);
        } catch (PromptTemplate.PromptException e) {
            return null; // the case will report its prompt error; the target still starts, just without a probe
        }
    }

    CaseResult execute(Case kase) throws InterruptedException {
        List<Sample> samples = new ArrayList<>(repeat);
        for (int k = 0; k < repeat; k++) {
            samples.add(sample(kase, k));
        }
        return CaseResult.of(target.id(), kase, samples);
    }

    private Sample sample(Case kase, int k) throws InterruptedException {
        RenderedPrompt prompt;
        try {
            PromptTemplate template = target.prompt();
            prompt = template == null ? null : template.render(kase, suiteVars);
        } catch (PromptTemplate.PromptException e) {
            // the target was never called, so there is no latency to report (0 ms would pull p50 and p95 down)
            return errored(k, new CallError("prompt", e.getMessage()), Double.NaN, 0);
        }
        if (!toolbox.isEmpty() || CaseScript.of(kase).conversation()) {
            return conversed(kase, prompt, k);
        }
        Request request = new Request(kase, prompt, k);
        String key = cache == ResponseCache.NONE || !target.target().cacheable() ? null
                : ResponseCache.key(target.cacheIdentity(), request);
        Optional<Reply> cached = key == null ? Optional.empty() : cache.get(key);
        if (cached.isPresent()) {
            return judged(kase, k, masked(cached.get()), Double.NaN, 0, true); // another version may have kept it
        }
        Attempted attempted = caller.call(request);
        if (attempted.failed()) {
            return errored(k, attempted.error(), attempted.latencyMs(), attempted.attempts());
        }
        // masked before anything keeps or judges it, so the cache, scores and every report see the same text
        Reply reply = masked(attempted.reply());
        if (key != null) {
            cache.put(key, reply.untimed());
        }
        return judged(kase, k, reply, attempted.latencyMs(), attempted.attempts(), false);
    }

    private Reply masked(Reply reply) {
        return MaskedReply.of(reply, target.secrets());
    }

    /** Runs the case as a conversation (see {@link AgentLoop}); the sample sums its calls. */
    private Sample conversed(Case kase, RenderedPrompt prompt, int k) throws InterruptedException {
        AgentLoop.Result r = new AgentLoop(target, caller, cache, toolbox, this::masked).run(kase, prompt, k);
        if (r.error() != null) {
            CallError shown = new CallError(r.error().kind(), target.secrets().mask(r.error().message()));
            return new Sample(k, null, null, Outcome.ERROR, 0, List.of(), r.latencyMs(), r.usage(), r.costUsd(),
                    r.attempts(), shown, false, r.exchange());
        }
        Sample judged = judged(kase, k, r.last(), r.latencyMs(), r.attempts(), r.cached(), r.exchange());
        judged = new Sample(judged.repeat(), judged.rawOutput(), judged.output(), judged.outcome(), judged.value(),
                judged.scores(), judged.latencyMs(), r.usage(), r.costUsd(), judged.attempts(), null,
                judged.cached(), r.exchange());
        return r.exchange().hitMaxSteps() ? MaxSteps.failed(judged) : judged;
    }

    /**
     * Transforms, scores and prices one reply; a cached reply keeps its usage and cost but has no latency and no time
     * to first token.
     */
    private Sample judged(Case kase, int k, Reply reply, double latencyMs, int attempts, boolean cached) {
        return judged(kase, k, reply, latencyMs, attempts, cached, null);
    }

    private Sample judged(Case kase, int k, Reply reply, double latencyMs, int attempts, boolean cached,
                          Exchange exchange) {
        String raw = reply.text() == null ? "" : reply.text();
        var usage = reply.usage();
        var stream = cached ? null : reply.stream();
        Double cost = target.price().cost(usage);
        Optional<String> transformed = target.transform().apply(raw);
        if (transformed.isEmpty()) {
            Score miss = Score.fail("transform", target.transform().describe() + " found nothing in the output");
            return new Sample(k, raw, null, Outcome.FAIL, 0, List.of(miss), latencyMs, usage, cost, attempts, null,
                    cached, stream);
        }
        dev.evalgate.score.Scored scored = CaseScoring.score(scorers, kase, transformed.get(), exchange);
        return new Sample(k, raw, transformed.get(), scored.outcome(), scored.value(), scored.scores(), latencyMs,
                usage, cost, attempts, null, cached, stream);
    }

    /**
     * A call that produced no answer. With a known price it cost nothing (no tokens were reported, providers do not
     * bill failed requests); with no price its cost stays unknown like every other call of that target.
     */
    private Sample errored(int k, CallError error, double latencyMs, int attempts) {
        Double cost = target.price().known() ? 0.0 : null;
        CallError shown = new CallError(error.kind(), target.secrets().mask(error.message()));
        return new Sample(k, null, null, Outcome.ERROR, 0, List.of(), latencyMs, null, cost, attempts, shown);
    }
}
