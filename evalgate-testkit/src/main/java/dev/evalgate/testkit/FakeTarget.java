package dev.evalgate.testkit;

import dev.evalgate.dataset.Case;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.target.TokenUsage;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A deterministic target for tests: answers from a function of the case, with optional wrong answers, tokens
 * and injected failures, and counts every call.
 *
 * <p>Each {@code with...} method returns a new fake with fresh counters, so a configured fake reads as one
 * expression: {@code FakeTarget.echoExpected().wrongOn(0.2, 42).withTokens(10, 3)}.
 */
public final class FakeTarget implements Target {

    /** The prefix of every deliberately wrong answer; no real expected answer starts with it. */
    public static final String WRONG_PREFIX = "wrong:";

    private final Function<Request, String> answer;
    private final double wrongFraction;
    private final long seed;
    private final TokenUsage tokens;
    private final Map<String, Failure> failures;
    private final Map<String, AtomicInteger> callsById = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    private record Failure(TargetException error, int times) {
    }

    private FakeTarget(Function<Request, String> answer, double wrongFraction, long seed, TokenUsage tokens,
                       Map<String, Failure> failures) {
        this.answer = Objects.requireNonNull(answer, "answer");
        this.wrongFraction = wrongFraction;
        this.seed = seed;
        this.tokens = tokens;
        this.failures = Map.copyOf(failures);
    }

    /** Answers each case with its expected answer (its first accepted answer; empty text when none). */
    public static FakeTarget echoExpected() {
        return answering(kase -> kase.expected().primary());
    }

    /** Answers each case with the text listed for its id; a case not listed is answered with empty text. */
    public static FakeTarget answers(Map<String, String> byId) {
        Map<String, String> copy = Map.copyOf(byId);
        return answering(kase -> copy.getOrDefault(kase.id(), ""));
    }

    /** Answers each case with whatever {@code answer} returns for it. */
    public static FakeTarget answering(Function<Case, String> answer) {
        Objects.requireNonNull(answer, "answer");
        return replying(request -> answer.apply(request.kase()));
    }

    /** Answers each request with whatever {@code answer} returns for it, e.g. from its rendered prompt. */
    public static FakeTarget replying(Function<Request, String> answer) {
        return new FakeTarget(answer, 0, 0, null, Map.of());
    }

    /**
     * Answers wrongly ({@value #WRONG_PREFIX} + id) on about {@code fraction} of the cases, chosen by a seeded hash
     * of the case id, so the same cases are wrong in every run and on every repeat.
     */
    public FakeTarget wrongOn(double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1, but is " + fraction);
        }
        return new FakeTarget(answer, fraction, seed, tokens, failures);
    }

    /** Reports these tokens for every call. */
    public FakeTarget withTokens(long input, long output) {
        return new FakeTarget(answer, wrongFraction, seed, new TokenUsage(input, output), failures);
    }

    /** Fails every call for case {@code id} with {@code error}. */
    public FakeTarget failing(String id, TargetException error) {
        return failingTimes(id, Integer.MAX_VALUE, error);
    }

    /** Fails the first {@code times} calls for case {@code id} with {@code error}, then answers normally. */
    public FakeTarget failingTimes(String id, int times, TargetException error) {
        Map<String, Failure> more = new HashMap<>(failures);
        more.put(id, new Failure(error, times));
        return new FakeTarget(answer, wrongFraction, seed, tokens, more);
    }

    @Override
    public Reply call(Request request) {
        Case kase = request.kase();
        calls.incrementAndGet();
        int nth = callsById.computeIfAbsent(kase.id(), id -> new AtomicInteger()).incrementAndGet();
        Failure failure = failures.get(kase.id());
        if (failure != null && nth <= failure.times()) {
            throw failure.error();
        }
        String text = isWrong(kase.id()) ? WRONG_PREFIX + kase.id() : answer.apply(request);
        return new Reply(text, tokens);
    }

    /** Whether this fake answers case {@code id} wrongly. */
    public boolean isWrong(String id) {
        return wrongFraction > 0 && unitHash(id) < wrongFraction;
    }

    /** Calls made so far, failed ones included. */
    public int calls() {
        return calls.get();
    }

    /** Calls made so far for case {@code id}. */
    public int calls(String id) {
        AtomicInteger count = callsById.get(id);
        return count == null ? 0 : count.get();
    }

    public boolean closed() {
        return closed.get();
    }

    @Override
    public void close() {
        closed.set(true);
    }

    /** A value in [0, 1) that depends only on the seed and the id (SplitMix64's finaliser over both). */
    private double unitHash(String id) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (id.hashCode() + 1L));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
