package dev.evalgate.judge;

import dev.evalgate.cost.Price;
import dev.evalgate.cost.PriceSource;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.TargetException;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.run.ResponseCache;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.ResilientCaller;
import dev.evalgate.target.Target;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeTest {

    private static final CallPolicy POLICY = new CallPolicy(4, 0, Duration.ofSeconds(5), 1, Duration.ZERO,
            Duration.ZERO, 1);
    private static final Case CASE = new Case("c1", Map.of("input", "What is the refund window?",
            "context", "Refunds are accepted within 30 days."), Expected.text("30 days"), Map.of(), null, "c1");

    /** A judge target answering from a function of the request, recording every request it gets. */
    private static final class Scripted implements Target {
        final List<Request> requests = new ArrayList<>();
        final Function<Request, String> reply;

        Scripted(Function<Request, String> reply) {
            this.reply = reply;
        }

        @Override
        public synchronized Reply call(Request request) {
            requests.add(request);
            return Reply.of(reply.apply(request), 100, 10);
        }
    }

    /** A cache in memory. */
    private static final class MapCache implements ResponseCache {
        final Map<String, Reply> kept = new ConcurrentHashMap<>();

        @Override
        public Optional<Reply> get(String key) {
            return Optional.ofNullable(kept.get(key));
        }

        @Override
        public void put(String key, Reply reply) {
            kept.put(key, reply);
        }
    }

    private static Judge judge(Target target, JudgeMode mode, int votes, ResponseCache cache) {
        TargetConfig config = new TargetConfig("grader", "test", target, null, OutputTransform.IDENTITY, POLICY,
                new PriceSource(Price.perMtok(1, 4), PriceSource.CONFIG), "judge-1", "grader", "grader", null);
        JudgePrompt prompt = new JudgePrompt(mode, mode == JudgeMode.RUBRIC ? "States the window." : null, null,
                mode == JudgeMode.FAITHFUL ? "context" : null);
        return new Judge(new JudgeSettings(config, prompt, votes, null), new ResilientCaller(target, POLICY), cache);
    }

    private static String verdict(String verdict) {
        return "{\"reason\": \"because\", \"verdict\": \"" + verdict + "\", \"score\": "
                + (verdict.equals("pass") ? 1 : 0) + "}";
    }

    @Test
    void asks_for_the_verdict_schema_and_shows_the_judge_the_rubric_input_and_output() {
        Scripted target = new Scripted(r -> verdict("pass"));

        Judgment judgment = judge(target, JudgeMode.RUBRIC, 1, ResponseCache.NONE).judge(CASE, "30 days.");

        assertThat(judgment.outcome()).isEqualTo(Outcome.PASS);
        assertThat(judgment.reason()).isEqualTo("because");
        Request asked = target.requests.getFirst();
        assertThat(asked.schema().name()).isEqualTo("verdict");
        assertThat(asked.schema().schema().get("required").toString()).isEqualTo("[\"reason\",\"verdict\",\"score\"]");
        assertThat(asked.userText()).contains("States the window.").contains("What is the refund window?")
                .contains("30 days.");
        assertThat(asked.systemText()).contains("rubric");
    }

    @Test
    void the_reference_and_faithful_modes_show_the_expected_answer_and_the_context() {
        Scripted target = new Scripted(r -> r.schema().schema().get("properties").has("relation")
                ? "{\"reason\": \"misses a fact\", \"relation\": \"partial\", \"score\": 0.5}" : verdict("fail"));

        Judgment reference = judge(target, JudgeMode.REFERENCE, 1, ResponseCache.NONE).judge(CASE, "Soon.");
        Judgment faithful = judge(target, JudgeMode.FAITHFUL, 1, ResponseCache.NONE).judge(CASE, "90 days.");

        assertThat(target.requests.get(0).userText()).contains("Reference answer:\n30 days");
        assertThat(reference.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(reference.reason()).isEqualTo("[partial] misses a fact");
        assertThat(reference.score()).isEqualTo(0.5);
        assertThat(target.requests.get(1).userText()).contains("Context:\nRefunds are accepted within 30 days.");
        assertThat(faithful.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void a_reply_that_is_not_a_verdict_is_a_judge_error_never_a_pass_or_a_fail() {
        Judgment judgment = judge(new Scripted(r -> "YES"), JudgeMode.RUBRIC, 1, ResponseCache.NONE)
                .judge(CASE, "30 days.");

        assertThat(judgment.outcome()).isEqualTo(Outcome.ERROR);
        Score score = judgment.toScore("judge");
        assertThat(score.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(score.reason()).isEqualTo("judge error: the judge's reply is not one JSON object: YES");
        assertThat(score.grading().calls()).isEqualTo(1);
        assertThat(score.grading().costUsd()).as("the unreadable reply was still paid for")
                .isCloseTo((100 * 1 + 10 * 4) / 1e6, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void a_judge_call_failing_after_its_retries_is_a_judge_error() {
        Target down = request -> {
            throw TargetException.retriable("http_503", "the judge is overloaded");
        };

        Judgment judgment = judge(down, JudgeMode.RUBRIC, 1, ResponseCache.NONE).judge(CASE, "30 days.");

        assertThat(judgment.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(judgment.reason()).isEqualTo("the judge call failed after 2 attempt(s): http_503: the judge is "
                + "overloaded");
    }

    @Test
    void votes_are_distinct_cached_calls_decided_by_majority_and_a_tie_fails() {
        List<String> script = List.of("pass", "fail", "pass", "fail");
        int[] n = {0};
        MapCache cache = new MapCache();
        Scripted target = new Scripted(r -> verdict(script.get(n[0]++ % script.size())));

        Judgment three = judge(target, JudgeMode.RUBRIC, 3, cache).judge(CASE, "30 days.");

        assertThat(three.outcome()).isEqualTo(Outcome.PASS);
        assertThat(three.reason()).isEqualTo("2 of 3 votes pass: because");
        assertThat(three.grading().flipped()).isTrue();
        assertThat(three.grading().calls()).isEqualTo(3);
        assertThat(cache.kept).as("one cache key per vote").hasSize(3);
        assertThat(target.requests).extracting(Request::repeat).containsExactly(0, 1, 2);

        Judgment again = judge(target, JudgeMode.RUBRIC, 3, cache).judge(CASE, "30 days.");
        assertThat(target.requests).as("every vote comes from the cache").hasSize(3);
        assertThat(again.outcome()).isEqualTo(Outcome.PASS);
        assertThat(again.grading().calls()).isZero();
        assertThat(again.grading().cachedVotes()).isEqualTo(3);
        assertThat(again.grading().costUsd()).isZero();

        n[0] = 0;
        Judgment tie = judge(target, JudgeMode.RUBRIC, 2, ResponseCache.NONE).judge(CASE, "other answer");
        assertThat(tie.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(tie.reason()).isEqualTo("1 of 2 votes pass (a tie fails): because");
    }

    @Test
    void unreadable_votes_are_left_out_of_the_majority_and_not_cached() {
        List<String> script = List.of("nonsense", verdict("fail"), verdict("fail"));
        int[] n = {0};
        MapCache cache = new MapCache();

        Judgment judgment = judge(new Scripted(r -> script.get(n[0]++)), JudgeMode.RUBRIC, 3, cache)
                .judge(CASE, "30 days.");

        assertThat(judgment.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judgment.grading().votes()).containsExactly(Outcome.ERROR, Outcome.FAIL, Outcome.FAIL);
        assertThat(judgment.grading().flipped()).isFalse();
        assertThat(cache.kept).hasSize(2);
    }

    @Test
    void a_case_without_the_context_the_faithful_mode_checks_is_a_judge_error_without_a_call() {
        Scripted target = new Scripted(r -> verdict("pass"));
        Case bare = Case.of("c2", "hi", Expected.none());

        Judgment judgment = judge(target, JudgeMode.FAITHFUL, 1, ResponseCache.NONE).judge(bare, "hello");

        assertThat(judgment.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(judgment.reason()).contains("has no field 'context'");
        assertThat(target.requests).isEmpty();
    }
}
