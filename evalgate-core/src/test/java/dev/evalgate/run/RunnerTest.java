package dev.evalgate.run;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.cost.Price;
import dev.evalgate.cost.PriceSource;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.ConfigException;
import dev.evalgate.error.TargetException;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.prompt.PromptTemplate;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.score.ScorerSpecs;
import dev.evalgate.score.Scorers;
import dev.evalgate.suite.RunOptions;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Target;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnerTest {

    private static final CallPolicy POLICY = new CallPolicy(4, 0, Duration.ZERO, 0, Duration.ofMillis(1),
            Duration.ofMillis(10), 1);
    private static final RunInfo INFO = new RunInfo("run-1", "demo", "evalgate.yaml", "cases.jsonl", "0", List.of(),
            List.of("equals"), List.of(), 1, 1, "all", "none", "test");

    /** Collects every result handed to the sink; safe to call from many threads. */
    static final class Collecting implements ResultSink {
        final Queue<CaseResult> results = new ConcurrentLinkedQueue<>();

        @Override
        public void accept(CaseResult result) {
            results.add(result);
        }

        CaseResult only(String target, String caseId) {
            List<CaseResult> found = results.stream()
                    .filter(r -> r.target().equals(target) && r.kase().id().equals(caseId)).toList();
            assertThat(found).hasSize(1);
            return found.getFirst();
        }
    }

    private static List<Case> cases(int n, String expected) {
        return IntStream.range(0, n).mapToObj(i -> new Case("c" + i, Map.of("input", "question " + i),
                Expected.text(expected), Map.of(), null, "cases.jsonl:" + (i + 1))).toList();
    }

    private static TargetConfig target(String id, Target target) {
        return target(id, target, null, OutputTransform.IDENTITY, PriceSource.unknown());
    }

    private static TargetConfig target(String id, Target target, PromptTemplate prompt, OutputTransform transform,
                                       PriceSource price) {
        return new TargetConfig(id, "test", target, prompt, transform, POLICY, price, null, id);
    }

    private static Suite suite(int repeat, TargetConfig... targets) {
        ConfigNode scorers = YamlTree.parse("evalgate.yaml", "- equals\n", Interpolator.of(Map.of()));
        return new Suite("demo", Path.of("evalgate.yaml"), Path.of("cases.jsonl"), Dataset.of(List.of()), Map.of(),
                List.of(targets), ScorerSpecs.parse(scorers, Scorers.builtIn()), List.of(),
                new RunOptions(4, Duration.ZERO, 0, repeat, 1, 0, 0, 0), "", null, null, null);
    }

    private static RunResult run(Suite suite, List<Case> cases, ResultSink sink) throws InterruptedException {
        return new Runner(suite, Dataset.of(cases), INFO).run(sink, new CancelToken());
    }

    private static TargetMetrics metrics(RunResult result, String target) {
        return result.metrics().stream().filter(m -> m.targetId().equals(target)).findFirst().orElseThrow();
    }

    private static OutputTransform transform(String yaml) {
        ConfigNode root = YamlTree.parse("evalgate.yaml", "transform: " + yaml + "\n", Interpolator.of(Map.of()));
        return OutputTransform.parse(((ConfigNode.Mapping) root).entries().get("transform"));
    }

    /** What a test target does when asked to open its connections. */
    @FunctionalInterface
    private interface Connect {
        void open(dev.evalgate.target.Request probe, int connections) throws Exception;
    }

    /** A target answering with {@code calls} that does {@code connect} when asked to open its connections. */
    private static Target connectingWith(Target calls, Connect connect) {
        return new Target() {
            @Override
            public Reply call(dev.evalgate.target.Request request) throws Exception {
                return calls.call(request);
            }

            @Override
            public void connect(dev.evalgate.target.Request probe, int connections) throws Exception {
                connect.open(probe, connections);
            }
        };
    }

    @Test
    void every_case_reaches_every_target_exactly_once_and_the_sink() throws InterruptedException {
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Function<String, Target> counting = id -> request -> {
            calls.computeIfAbsent(id + "/" + request.kase().id(), k -> new AtomicInteger()).incrementAndGet();
            return Reply.of("yes");
        };
        Collecting sink = new Collecting();

        RunResult result = run(suite(1, target("a", counting.apply("a")), target("b", counting.apply("b"))),
                cases(50, "yes"), sink);

        assertThat(result.complete()).isTrue();
        assertThat(calls).hasSize(100).allSatisfy((key, count) -> assertThat(count).hasValue(1));
        Map<String, Long> delivered = sink.results.stream()
                .collect(Collectors.groupingBy(r -> r.target() + "/" + r.kase().id(), Collectors.counting()));
        assertThat(delivered).hasSize(100).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
        assertThat(delivered.keySet()).isEqualTo(calls.keySet());
        assertThat(result.info()).isEqualTo(INFO);
    }

    @Test
    void calls_run_on_platform_threads_kept_for_the_run_so_the_kernel_wakes_them() throws InterruptedException {
        Queue<Thread> threads = new ConcurrentLinkedQueue<>();
        Target noting = request -> {
            threads.add(Thread.currentThread());
            return Reply.of("yes");
        };

        run(suite(1, target("a", noting)), cases(40, "yes"), new Collecting());

        assertThat(threads).hasSize(40).noneMatch(Thread::isVirtual);
        assertThat(threads.stream().distinct().count()).as("one thread per call in flight (concurrency 4)")
                .isLessThanOrEqualTo(4);
    }

    @Test
    void each_target_opens_a_connection_per_call_in_flight_before_the_first_measured_call()
            throws InterruptedException {
        Queue<String> events = new ConcurrentLinkedQueue<>();
        Target connecting = connectingWith(request -> {
            events.add("call");
            return Reply.of("yes");
        }, (probe, connections) -> events.add("connect " + connections + " for " + probe.kase().id()));

        run(suite(1, target("a", connecting)), cases(6, "yes"), new Collecting());

        assertThat(events).hasSize(7).first().isEqualTo("connect 4 for c0");
    }

    @Test
    void a_target_that_cannot_connect_ahead_still_runs_every_case() throws InterruptedException {
        Target refusing = connectingWith(request -> Reply.of("yes"), (probe, connections) -> {
            throw new java.net.ConnectException("Connection refused");
        });

        RunResult result = run(suite(1, target("a", refusing)), cases(6, "yes"), new Collecting());

        assertThat(metrics(result, "a").passed()).isEqualTo(6);
    }

    @Test
    void a_sink_that_breaks_stops_the_run_with_an_internal_error_and_no_more_cases_are_taken() {
        AtomicInteger calls = new AtomicInteger();
        Target counting = request -> {
            calls.incrementAndGet();
            return Reply.of("yes");
        };
        ResultSink broken = result -> {
            throw new IllegalStateException("disk full");
        };

        assertThatThrownBy(() -> run(suite(1, target("a", counting)), cases(1000, "yes"), broken))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("internal error")
                .hasMessageContaining("disk full");
        assertThat(calls.get()).as("at most one call per thread in flight after the first failure")
                .isLessThanOrEqualTo(2 * POLICY.concurrency());
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void a_target_whose_connections_never_open_does_not_hold_the_run_back() throws InterruptedException {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        // an endpoint that swallows the connection attempt
        Target hanging = connectingWith(request -> Reply.of("yes"), (probe, connections) -> never.await());

        RunResult result = run(suite(1, target("a", hanging)), cases(3, "yes"), new Collecting());

        assertThat(metrics(result, "a").passed()).isEqualTo(3);
    }

    @Test
    void a_target_error_is_recorded_for_its_case_and_the_run_goes_on() throws InterruptedException {
        Target flaky = request -> switch (request.kase().id()) {
            case "c1" -> throw TargetException.fatal("http_400", "bad request");
            case "c3" -> throw new IllegalStateException("worker died");
            default -> Reply.of("yes");
        };
        Collecting sink = new Collecting();

        RunResult result = run(suite(1, target("a", flaky)), cases(5, "yes"), sink);

        assertThat(result.complete()).isTrue();
        assertThat(sink.results).hasSize(5);
        CaseResult c1 = sink.only("a", "c1");
        assertThat(c1.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(c1.first().error()).isEqualTo(new CallError("http_400", "bad request"));
        assertThat(c1.first().rawOutput()).isNull();
        assertThat(sink.only("a", "c3").first().error())
                .isEqualTo(new CallError("IllegalStateException", "worker died"));
        assertThat(sink.only("a", "c0").outcome()).isEqualTo(Outcome.PASS);
        assertThat(metrics(result, "a").errored()).isEqualTo(2);
    }

    @Test
    void metrics_per_target_match_a_hand_count() throws InterruptedException {
        // Target a: c0-c5 right, c6-c8 wrong, c9 errors. Target b: all right.
        Target a = request -> {
            int i = Integer.parseInt(request.kase().id().substring(1));
            if (i == 9) {
                throw TargetException.fatal("http_400", "bad request");
            }
            return Reply.of(i < 6 ? "yes" : "no");
        };

        RunResult result = run(suite(1, target("a", a), target("b", request -> Reply.of("yes"))), cases(10, "yes"),
                new Collecting());

        TargetMetrics ma = metrics(result, "a");
        assertThat(List.of(ma.cases(), ma.calls(), ma.passed(), ma.failed(), ma.errored()))
                .containsExactly(10L, 10L, 6L, 3L, 1L);
        assertThat(ma.passRate()).isEqualTo(0.6);
        assertThat(ma.errorRate()).isEqualTo(0.1);
        TargetMetrics mb = metrics(result, "b");
        assertThat(List.of(mb.cases(), mb.passed(), mb.failed(), mb.errored())).containsExactly(10L, 10L, 0L, 0L);
        assertThat(result.failures().get("a")).extracting(r -> r.kase().id())
                .containsExactlyInAnyOrder("c6", "c7", "c8", "c9");
        assertThat(result.failures().get("b")).isEmpty();
    }

    @Test
    void repeats_give_k_samples_per_case_and_the_pass_fraction() throws InterruptedException {
        Target thirdWrong = request -> Reply.of(request.repeat() == 2 ? "no" : "yes");
        Collecting sink = new Collecting();

        RunResult result = run(suite(3, target("a", thirdWrong)), cases(4, "yes"), sink);

        assertThat(sink.results).hasSize(4).allSatisfy(r -> {
            assertThat(r.samples()).extracting(Sample::repeat).containsExactly(0, 1, 2);
            assertThat(r.samples()).extracting(Sample::outcome)
                    .containsExactly(Outcome.PASS, Outcome.PASS, Outcome.FAIL);
            assertThat(r.passFraction()).isEqualTo(2.0 / 3);
            assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        });
        assertThat(metrics(result, "a").calls()).isEqualTo(12);
        assertThat(metrics(result, "a").passRate()).isEqualTo(2.0 / 3);
    }

    @Test
    void a_run_cancelled_before_it_starts_runs_no_case() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        Collecting sink = new Collecting();

        RunResult result = new Runner(suite(1, target("a", request -> {
            calls.incrementAndGet();
            return Reply.of("yes");
        })), Dataset.of(cases(10, "yes")), INFO).run(sink, cancel);

        assertThat(result.complete()).isFalse();
        assertThat(calls).hasValue(0);
        assertThat(sink.results).isEmpty();
        assertThat(metrics(result, "a").cases()).isZero();
    }

    @Test
    void a_run_cancelled_midway_stops_taking_cases_and_keeps_what_finished() throws InterruptedException {
        CancelToken cancel = new CancelToken();
        AtomicInteger seen = new AtomicInteger();
        Collecting collected = new Collecting();
        ResultSink sink = result -> {
            collected.accept(result);
            if (seen.incrementAndGet() == 3) {
                cancel.cancel();
            }
        };

        RunResult result = new Runner(suite(1, target("a", request -> Reply.of("yes"))),
                Dataset.of(cases(200, "yes")), INFO).run(sink, cancel);

        assertThat(result.complete()).isFalse();
        assertThat(collected.results.size()).isGreaterThanOrEqualTo(3).isLessThan(200);
        assertThat(metrics(result, "a").cases()).isEqualTo(collected.results.size());
    }

    @Test
    void a_dataset_error_midway_stops_the_run_with_the_partial_result() {
        List<Case> good = cases(5, "yes");
        Dataset broken = () -> new CaseReader() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == good.size()) {
                    throw new ConfigException("cases.jsonl:6: not valid JSON. Check the quoting on this line.");
                }
                return true;
            }

            @Override
            public Case next() {
                return good.get(next++);
            }

            @Override
            public void close() {
            }
        };
        Collecting sink = new Collecting();
        Runner runner = new Runner(suite(1, target("a", request -> Reply.of("yes"))), broken, INFO);

        Runner.StoppedRunException stopped = (Runner.StoppedRunException) org.assertj.core.api.Assertions
                .catchThrowable(() -> runner.run(sink, new CancelToken()));

        assertThat(stopped).hasMessage("cases.jsonl:6: not valid JSON. Check the quoting on this line.")
                .hasCauseInstanceOf(ConfigException.class);
        assertThat(stopped.partial().complete()).isFalse();
        assertThat(metrics(stopped.partial(), "a").cases()).isEqualTo(5);
        assertThat(metrics(stopped.partial(), "a").passed()).isEqualTo(5);
        assertThat(sink.results).hasSize(5);
    }

    @Test
    void only_the_first_failures_of_each_target_are_kept() throws InterruptedException {
        RunResult result = run(suite(1, target("a", request -> Reply.of("no"))),
                cases(Runner.FAILURES_KEPT + 15, "yes"), new Collecting());

        assertThat(result.failures().get("a")).hasSize(Runner.FAILURES_KEPT)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.FAIL));
        assertThat(metrics(result, "a").failed()).isEqualTo(Runner.FAILURES_KEPT + 15);
    }

    @Test
    void the_output_transform_picks_the_scored_value_from_the_answer() throws InterruptedException {
        Target chatty = request -> Reply.of("Let me think.\nlabel: yes\nDone.");
        Collecting sink = new Collecting();

        run(suite(1, target("a", chatty, null, transform("{ regex: 'label: (\\w+)' }"), PriceSource.unknown())),
                cases(1, "yes"), sink);

        Sample sample = sink.only("a", "c0").first();
        assertThat(sample.outcome()).isEqualTo(Outcome.PASS);
        assertThat(sample.rawOutput()).isEqualTo("Let me think.\nlabel: yes\nDone.");
        assertThat(sample.output()).isEqualTo("yes");
    }

    @Test
    void an_answer_the_transform_finds_nothing_in_fails_with_the_transform_as_reason() throws InterruptedException {
        Collecting sink = new Collecting();

        run(suite(1, target("a", request -> Reply.of("I am not sure."), null,
                transform("{ regex: 'label: (\\w+)' }"), PriceSource.unknown())), cases(1, "yes"), sink);

        Sample sample = sink.only("a", "c0").first();
        assertThat(sample.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(sample.error()).isNull();
        assertThat(sample.rawOutput()).isEqualTo("I am not sure.");
        assertThat(sample.output()).isNull();
        assertThat(sample.scores()).containsExactly(
                Score.fail("transform", "regex /label: (\\w+)/ group 1 found nothing in the output"));
    }

    @Test
    void a_prompt_placeholder_the_case_lacks_is_an_error_for_that_case_only() throws InterruptedException {
        List<Case> cases = List.of(
                new Case("with", Map.of("input", "q", "lang", "en"), Expected.text("yes"), Map.of(), null,
                        "cases.jsonl:1"),
                new Case("without", Map.of("input", "q"), Expected.text("yes"), Map.of(), null,
                        "cases.jsonl:2"));
        List<String> asked = new ArrayList<>();
        Target recording = request -> {
            synchronized (asked) {
                asked.add(request.userText());
            }
            return Reply.of("yes");
        };
        Collecting sink = new Collecting();

        run(suite(1, target("a", recording, PromptTemplate.of(null, "[{{lang}}] {{input}}", "prompt"),
                OutputTransform.IDENTITY, PriceSource.unknown())), cases, sink);

        assertThat(asked).containsExactly("[en] q");
        assertThat(sink.only("a", "with").outcome()).isEqualTo(Outcome.PASS);
        CaseResult without = sink.only("a", "without");
        assertThat(without.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(without.first().error()).isEqualTo(new CallError("prompt", "the prompt uses {{lang}}, but case"
                + " without (cases.jsonl:2) has no field 'lang'. Add it to the case, or to 'vars:' in the suite."));
    }

    @Test
    void an_unknown_price_gives_no_cost_rather_than_zero() throws InterruptedException {
        Collecting sink = new Collecting();

        run(suite(1, target("a", request -> Reply.of("yes", 1000, 500))), cases(1, "yes"), sink);

        Sample sample = sink.only("a", "c0").first();
        assertThat(sample.costUsd()).isNull();
        assertThat(sample.usage()).isEqualTo(new dev.evalgate.target.TokenUsage(1000, 500));
    }

    @Test
    void a_known_price_with_reported_usage_gives_the_exact_cost() throws InterruptedException {
        Collecting sink = new Collecting();
        PriceSource price = new PriceSource(Price.perMtok(1.0, 2.0), PriceSource.CONFIG);

        run(suite(1, target("a", request -> Reply.of("yes", 1000, 500), null, OutputTransform.IDENTITY, price)),
                cases(1, "yes"), sink);

        assertThat(sink.only("a", "c0").first().costUsd()).isEqualTo(0.002);
    }

    @Test
    void a_token_price_without_reported_usage_gives_no_cost() throws InterruptedException {
        Collecting sink = new Collecting();
        PriceSource price = new PriceSource(Price.perMtok(1.0, 2.0), PriceSource.CONFIG);

        run(suite(1, target("a", request -> Reply.of("yes"), null, OutputTransform.IDENTITY, price)),
                cases(1, "yes"), sink);

        assertThat(sink.only("a", "c0").first().costUsd()).isNull();
    }

    @Test
    void a_failed_call_of_a_priced_target_costs_nothing_and_of_an_unpriced_one_stays_unknown()
            throws InterruptedException {
        Collecting sink = new Collecting();
        PriceSource price = new PriceSource(Price.perMtok(1.0, 2.0), PriceSource.CONFIG);
        dev.evalgate.target.Target failing = request -> {
            throw dev.evalgate.error.TargetException.fatal("http_401", "bad key");
        };

        run(suite(1, target("priced", failing, null, OutputTransform.IDENTITY, price),
                target("unpriced", failing)), cases(1, "yes"), sink);

        assertThat(sink.only("priced", "c0").first().costUsd()).isEqualTo(0.0);
        assertThat(sink.only("unpriced", "c0").first().costUsd()).isNull();
    }

    /** A response cache in memory, counting what it was asked. */
    static final class MemoryCache implements ResponseCache {
        final Map<String, Reply> replies = new ConcurrentHashMap<>();

        @Override
        public java.util.Optional<Reply> get(String key) {
            return java.util.Optional.ofNullable(replies.get(key));
        }

        @Override
        public void put(String key, Reply reply) {
            replies.put(key, reply);
        }
    }

    @Test
    void a_second_run_answers_from_the_cache_without_calling_and_without_latency() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Target counting = request -> {
            calls.incrementAndGet();
            return Reply.of("yes", 10, 2);
        };
        MemoryCache cache = new MemoryCache();
        Suite suite = suite(2, target("a", counting));

        new Runner(suite, Dataset.of(cases(20, "yes")), INFO, cache).run(new Collecting(), new CancelToken());
        Collecting second = new Collecting();
        RunResult again = new Runner(suite, Dataset.of(cases(20, "yes")), INFO, cache).run(second, new CancelToken());

        assertThat(calls).as("20 cases x 2 repeats, each a real call once").hasValue(40);
        assertThat(cache.replies).hasSize(40);
        assertThat(second.results).allSatisfy(r -> assertThat(r.samples()).allSatisfy(s -> {
            assertThat(s.cached()).isTrue();
            assertThat(s.latencyMs()).isNaN();
            assertThat(s.usage()).isEqualTo(new dev.evalgate.target.TokenUsage(10, 2));
        }));
        TargetMetrics metrics = metrics(again, "a");
        assertThat(metrics.passed()).isEqualTo(20);
        assertThat(metrics.cachedCalls()).isEqualTo(40);
        assertThat(metrics.latency().n()).isZero();
    }

    @Test
    void warm_up_calls_are_live_and_stay_out_of_results_and_cache() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Target counting = request -> {
            calls.incrementAndGet();
            return Reply.of("yes");
        };
        MemoryCache cache = new MemoryCache();
        Suite base = suite(1, target("a", counting));
        Suite suite = base.withRun(new RunOptions(4, Duration.ZERO, 0, 1, 1, 0, 0, 5));
        Collecting sink = new Collecting();

        RunResult result = new Runner(suite, Dataset.of(cases(10, "yes")), INFO, cache).run(sink, new CancelToken());

        assertThat(calls).hasValue(15);
        assertThat(sink.results).hasSize(10);
        assertThat(metrics(result, "a").latency().n()).isEqualTo(10);
        assertThat(cache.replies).hasSize(10);
    }

    @Test
    void a_case_that_failed_before_its_call_has_no_latency_and_stays_out_of_the_percentiles()
            throws InterruptedException {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> vars = i < 4 ? Map.of("input", "q" + i, "lang", "en") : Map.of("input", "q" + i);
            cases.add(new Case("c" + i, vars, Expected.text("yes"), Map.of(), null, "cases.jsonl:" + (i + 1)));
        }
        Target slow = request -> {
            Thread.sleep(20);
            return Reply.of("yes");
        };
        Collecting sink = new Collecting();

        RunResult result = run(suite(1, target("a", slow, PromptTemplate.of(null, "[{{lang}}] {{input}}", "prompt"),
                OutputTransform.IDENTITY, PriceSource.unknown())), cases, sink);

        CaseResult typo = sink.only("a", "c7");
        assertThat(typo.first().error().kind()).isEqualTo("prompt");
        assertThat(typo.first().latencyMs()).isNaN();
        assertThat(typo.first().timed()).isFalse();
        TargetMetrics metrics = metrics(result, "a");
        assertThat(metrics.errored()).isEqualTo(6);
        assertThat(metrics.latency().n()).as("only the 4 calls that reached the target").isEqualTo(4);
        assertThat(metrics.latency().p50()).isGreaterThanOrEqualTo(20);
        assertThat(dev.evalgate.compare.CaseRecord.of(typo).latencyMs()).isNaN();
    }

    @Test
    void every_target_is_prepared_with_the_first_case_once_before_its_first_call() throws InterruptedException {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        Function<String, Target> preparing = id -> new Target() {
            @Override
            public Reply call(dev.evalgate.target.Request request) {
                events.add(id + " call " + request.kase().id());
                return Reply.of("yes");
            }

            @Override
            public void prepare(dev.evalgate.target.Request probe) {
                events.add(id + " prepare " + probe.kase().id());
            }
        };

        run(suite(1, target("a", preparing.apply("a")), target("b", preparing.apply("b"))), cases(5, "yes"),
                new Collecting());

        assertThat(events).hasSize(12).filteredOn(e -> e.contains("prepare"))
                .containsExactlyInAnyOrder("a prepare c0", "b prepare c0");
        assertThat(events.subList(0, 2)).allSatisfy(e -> assertThat(e).contains("prepare"));
    }

    @Test
    void a_target_that_fails_to_prepare_still_runs_and_its_calls_report_the_problem() throws InterruptedException {
        Target failing = new Target() {
            @Override
            public Reply call(dev.evalgate.target.Request request) {
                throw TargetException.fatal("worker_start", "cannot start worker");
            }

            @Override
            public void prepare(dev.evalgate.target.Request probe) {
                throw TargetException.fatal("worker_start", "cannot start worker");
            }
        };
        Collecting sink = new Collecting();

        RunResult result = run(suite(1, target("a", failing)), cases(3, "yes"), sink);

        assertThat(result.complete()).isTrue();
        assertThat(sink.results).hasSize(3).allSatisfy(r -> assertThat(r.first().error().kind())
                .isEqualTo("worker_start"));
    }
}
