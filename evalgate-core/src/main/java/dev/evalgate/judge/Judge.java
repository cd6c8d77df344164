package dev.evalgate.judge;

import dev.evalgate.dataset.Case;
import dev.evalgate.prompt.PromptTemplate;
import dev.evalgate.run.ResponseCache;
import dev.evalgate.score.Outcome;
import dev.evalgate.target.Attempted;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Reply;
import dev.evalgate.target.ReplySchema;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A model judge ready to grade outputs: it renders the judge prompt for an output, asks for a structured verdict
 * k times (one call per vote, each under its own cache key) and folds the votes into a {@link Judgment}.
 *
 * <p>Calls go through the judge target's {@link ResilientCaller} (concurrency, rate limit, timeout, retries) and
 * the response cache, keyed by the judge's cache identity, its verdict schema, the rendered prompt and the vote
 * index. What the judge says has the suite's secrets masked. It never throws for a failed call: a vote that gets
 * no complete verdict is an ERROR vote. Thread-safe.
 */
public final class Judge {

    private final JudgeSettings settings;
    private final ResilientCaller caller;
    private final ResponseCache cache;
    private final ReplySchema schema;
    private final String identity;

    /**
     * @param caller the judge target's caller, shared by every use of that judge so its limits hold for all of them
     * @param cache  where votes are looked up and kept; {@link ResponseCache#NONE} for none
     */
    public Judge(JudgeSettings settings, ResilientCaller caller, ResponseCache cache) {
        this.settings = settings;
        this.caller = caller;
        this.cache = cache;
        this.schema = VerdictSchema.of(settings.prompt().mode());
        this.identity = settings.target().cacheIdentity() + "\u0000judge\u0000" + schema.schema();
    }

    /** The same judge, looking votes up in and keeping them in {@code other}. */
    public Judge withCache(ResponseCache other) {
        return new Judge(settings, caller, other);
    }

    public JudgeSettings settings() {
        return settings;
    }

    /** The schema a verdict must follow, as targets are asked to enforce it. */
    public ReplySchema schema() {
        return schema;
    }

    /** Grades {@code output} of {@code kase} with the configured number of votes. */
    public Judgment judge(Case kase, String output) {
        RenderedPrompt prompt;
        try {
            prompt = settings.prompt().render(kase, output);
        } catch (PromptTemplate.PromptException e) {
            Vote none = new Vote(0, Outcome.ERROR, 0, e.getMessage(), null, false, null, null, 0);
            return Judgment.of(List.of(none));
        }
        List<Vote> votes = new ArrayList<>(settings.votes());
        for (int k = 0; k < settings.votes(); k++) {
            votes.add(vote(kase, prompt, k));
        }
        return Judgment.of(votes);
    }

    private Vote vote(Case kase, RenderedPrompt prompt, int index) {
        Request request = new Request(kase, prompt, index, schema);
        String key = cache == ResponseCache.NONE || !caller.target().cacheable() ? null
                : ResponseCache.key(identity, request);
        Optional<Reply> kept = key == null ? Optional.empty() : cache.get(key);
        if (kept.isPresent()) {
            return read(index, kept.get(), true, 0);
        }
        Attempted attempted;
        try {
            attempted = caller.call(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(index, "the run was stopped before the judge answered", null, 0);
        }
        if (attempted.failed()) {
            String why = "the judge call failed after " + attempted.attempts() + " attempt(s): "
                    + attempted.error().kind() + ": " + attempted.error().message();
            return failed(index, masked(why), settings.target().price().known() ? 0.0 : null,
                    attempted.latencyMs());
        }
        Reply reply = new Reply(masked(attempted.reply().text()), attempted.reply().usage());
        Vote vote = read(index, reply, false, attempted.latencyMs());
        if (key != null && !vote.error()) {
            cache.put(key, reply); // an unreadable reply is not kept, so the next run asks again
        }
        return vote;
    }

    private Vote read(int index, Reply reply, boolean cached, double latencyMs) {
        Double cost = cached ? Double.valueOf(0.0) : settings.target().price().cost(reply.usage());
        var usage = cached ? null : reply.usage();
        try {
            VerdictParser.Parsed parsed = VerdictParser.parse(reply.text(), settings.prompt().mode());
            boolean pass = settings.passAt() == null ? parsed.pass() : parsed.score() >= settings.passAt();
            return new Vote(index, pass ? Outcome.PASS : Outcome.FAIL, parsed.score(), parsed.reason(),
                    parsed.relation(), cached, usage, cost, latencyMs);
        } catch (VerdictParser.Unreadable e) {
            return new Vote(index, Outcome.ERROR, 0, e.getMessage(), null, cached, usage, cost, latencyMs);
        }
    }

    private static Vote failed(int index, String why, Double cost, double latencyMs) {
        return new Vote(index, Outcome.ERROR, 0, why, null, false, null, cost, latencyMs);
    }

    private String masked(String text) {
        return text == null ? null : settings.target().secrets().mask(text);
    }
}
