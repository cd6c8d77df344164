package dev.evalgate.run;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.cost.PriceSource;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.Expected;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.score.ScorerSpecs;
import dev.evalgate.score.Scorers;
import dev.evalgate.suite.RunOptions;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Rehearsal;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HarnessWarmUpTest {

    private static final CallPolicy POLICY = new CallPolicy(4, 0, Duration.ZERO, 0, Duration.ofMillis(1),
            Duration.ofMillis(10), 1);
    private static final RunInfo INFO = new RunInfo("run-1", "demo", "evalgate.yaml", "cases.jsonl", "0", List.of(),
            List.of("equals"), List.of(), 1, 1, "all", "none", "test");

    /** A billed endpoint: counts its calls; its rehearsal answers over HTTP from whatever stand-in it is given. */
    static final class Endpoint implements Target {
        final AtomicInteger billed = new AtomicInteger();
        final AtomicInteger rehearsed = new AtomicInteger();
        private final HttpClient client = HttpClient.newHttpClient();

        @Override
        public Reply call(Request request) {
            billed.incrementAndGet();
            return Reply.of("yes");
        }

        @Override
        public Optional<Rehearsal> rehearsal(URI standIn) {
            return Optional.of(new Rehearsal(request -> {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(standIn.resolve("/chat")).build(),
                        HttpResponse.BodyHandlers.ofString());
                rehearsed.incrementAndGet();
                return Reply.of(response.body());
            }, "\"yes\""));
        }
    }

    /** A target that costs nothing to call, such as a baseline. */
    static final class Local implements Target {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Reply call(Request request) {
            calls.incrementAndGet();
            return Reply.of("yes");
        }

        @Override
        public boolean freeToCall() {
            return true;
        }
    }

    private static List<Case> cases(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Case("c" + i, Map.of("input", "question " + i),
                Expected.text("yes"), Map.of(), null, "cases.jsonl:" + (i + 1))).toList();
    }

    private static Suite suite(Target... targets) {
        ConfigNode scorers = YamlTree.parse("evalgate.yaml", "- equals\n", Interpolator.of(Map.of()));
        List<TargetConfig> configs = IntStream.range(0, targets.length).mapToObj(i -> new TargetConfig("t" + i,
                "test", targets[i], null, OutputTransform.IDENTITY, POLICY, PriceSource.unknown(), null, "t" + i))
                .toList();
        return new Suite("demo", Path.of("evalgate.yaml"), Path.of("cases.jsonl"), Dataset.of(List.of()), Map.of(),
                configs, ScorerSpecs.parse(scorers, Scorers.builtIn()), List.of(),
                new RunOptions(4, Duration.ZERO, 0, 1, 1, 0, 0, 0), "", null, null, null);
    }

    private static RunResult run(Suite suite, int cases, boolean warm, Queue<WarmedHarness> warmed)
            throws InterruptedException {
        return new Runner(suite, Dataset.of(cases(cases)), INFO).warmingHarness(warm, warmed::add)
                .run(new RunnerTest.Collecting(), new CancelToken());
    }

    @Test
    void an_endpoint_is_warmed_through_its_stand_in_and_billed_exactly_once_per_case() throws Exception {
        Endpoint endpoint = new Endpoint();
        Queue<WarmedHarness> warmed = new ConcurrentLinkedQueue<>();

        RunResult result = run(suite(endpoint), 20, true, warmed);

        assertThat(endpoint.billed).hasValue(20);
        assertThat(endpoint.rehearsed.get()).isGreaterThan(HarnessWarmUp.MEASURED_CALLS);
        assertThat(warmed).singleElement().satisfies(w -> {
            assertThat(w.standInCalls()).isPositive();
            // how long it took is the benchmark's business (docs/benchmarks.md); a loaded machine makes any bound flaky
            assertThat(w.took()).isPositive();
            assertThat(w.describe()).startsWith("warm-up: harness warmed in ").contains("nothing billed")
                    .contains("harness adds ").contains(" ms at p95 per call");
        });
        assertThat(result.harness().path()).isEqualTo(HarnessOverhead.LOOPBACK);
        assertThat(result.harness().calls()).isBetween(HarnessWarmUp.MIN_MEASURED,
                HarnessWarmUp.MEASURED_CALLS - HarnessWarmUp.MEASURE_SKIPPED);
        assertThat(result.harness().p95Ms()).isGreaterThanOrEqualTo(result.harness().p50Ms());
    }

    @Test
    void a_free_local_target_is_warmed_on_the_suites_own_cases() throws Exception {
        Local local = new Local();
        Queue<WarmedHarness> warmed = new ConcurrentLinkedQueue<>();

        RunResult result = run(suite(local), 20, true, warmed);

        assertThat(local.calls.get()).isGreaterThan(20);
        assertThat(warmed).singleElement().satisfies(w -> assertThat(w.ownCaseCalls()).isEqualTo(local.calls.get() - 20));
        assertThat(result.harness().path()).isEqualTo(HarnessOverhead.IN_PROCESS);
    }

    @Test
    void a_target_that_may_bill_and_has_no_stand_in_is_never_called_to_warm() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Target unknown = request -> {
            calls.incrementAndGet();
            return Reply.of("yes");
        };

        RunResult result = run(suite(unknown), 20, true, new ConcurrentLinkedQueue<>());

        assertThat(calls).hasValue(20);
        assertThat(result.harness().path()).isEqualTo(HarnessOverhead.IN_PROCESS);
    }

    @Test
    void switched_off_nothing_is_warmed_said_or_measured() throws Exception {
        Endpoint endpoint = new Endpoint();
        Local local = new Local();
        Queue<WarmedHarness> warmed = new ConcurrentLinkedQueue<>();

        RunResult result = run(suite(endpoint, local), 20, false, warmed);

        assertThat(endpoint.rehearsed).hasValue(0);
        assertThat(local.calls).hasValue(20);
        assertThat(warmed).isEmpty();
        assertThat(result.harness()).isNull();
    }

    @Test
    void an_empty_dataset_measures_nothing_and_says_so() throws Exception {
        Queue<WarmedHarness> warmed = new ConcurrentLinkedQueue<>();

        RunResult result = run(suite(new Endpoint()), 0, true, warmed);

        assertThat(result.harness()).isNull();
        assertThat(warmed).singleElement().satisfies(w -> assertThat(w.describe()).contains("not measured"));
    }

    /** A sink that counts what it is given, and whose rehearsal counts apart. */
    static final class Counting implements ResultSink {
        final AtomicInteger kept = new AtomicInteger();
        final AtomicInteger rehearsed = new AtomicInteger();

        @Override
        public void accept(CaseResult result) {
            kept.incrementAndGet();
        }

        @Override
        public ResultSink rehearsal() {
            return result -> rehearsed.incrementAndGet();
        }
    }

    @Test
    void warm_up_results_go_through_the_sinks_rehearsal_and_never_reach_the_sink() throws Exception {
        Counting sink = new Counting();
        Endpoint endpoint = new Endpoint();

        new Runner(suite(endpoint), Dataset.of(cases(20)), INFO).warmingHarness(true, w -> {
        }).run(sink, new CancelToken());

        assertThat(sink.kept).hasValue(20);
        assertThat(sink.rehearsed.get()).isGreaterThanOrEqualTo(endpoint.rehearsed.get() - HarnessWarmUp.MEASURED_CALLS);
        assertThat(sink.rehearsed.get()).isPositive();
    }

    private static long collections() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }

    @Test
    void the_heap_is_collected_after_the_last_warm_up_call_and_before_the_first_measured_one() throws Exception {
        java.util.concurrent.atomic.AtomicLong collectedAtLastCall = new java.util.concurrent.atomic.AtomicLong();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger callsWhenWarmed = new AtomicInteger(-1);
        Target local = new Target() {
            @Override
            public Reply call(Request request) {
                calls.incrementAndGet();
                if (callsWhenWarmed.get() < 0) {
                    collectedAtLastCall.set(collections());
                }
                return Reply.of("yes");
            }

            @Override
            public boolean freeToCall() {
                return true;
            }
        };
        java.util.concurrent.atomic.AtomicLong collectedWhenWarmed = new java.util.concurrent.atomic.AtomicLong();

        new Runner(suite(local), Dataset.of(cases(20)), INFO).warmingHarness(true, w -> {
            collectedWhenWarmed.set(collections());
            callsWhenWarmed.set(calls.get());
        }).run(new RunnerTest.Collecting(), new CancelToken());

        assertThat(collectedWhenWarmed.get()).isGreaterThan(collectedAtLastCall.get());
        assertThat(calls.get() - callsWhenWarmed.get()).isEqualTo(20);
    }
}
