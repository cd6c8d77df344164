package dev.evalgate.run;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.cost.PriceSource;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.TargetException;
import dev.evalgate.prompt.OutputTransform;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.ScorerSpecs;
import dev.evalgate.score.Scorers;
import dev.evalgate.suite.RunOptions;
import dev.evalgate.suite.Suite;
import dev.evalgate.suite.TargetConfig;
import dev.evalgate.target.CallPolicy;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolJson;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Toolbox;
import dev.evalgate.tools.Turn;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AgentLoopTest {

    private static final CallPolicy POLICY = new CallPolicy(2, 0, Duration.ZERO, 3, Duration.ofMillis(1),
            Duration.ofMillis(2), 1);
    private static final RunInfo INFO = new RunInfo("run-1", "demo", "evalgate.yaml", "cases.jsonl", "0", List.of(),
            List.of("tool-calls"), List.of(), 1, 1, "all", "none", "test");
    private static final ToolSpec LOOKUP = new ToolSpec("lookup_order", "Find an order",
            ToolJson.MAPPER.createObjectNode().put("type", "object"));

    /** A case asking about order A-1 whose lookup is scripted; it expects exactly that lookup. */
    private static Case orderCase(String id) {
        return new Case(id, Map.of("input", "where is A-1?",
                "tool_results", Map.of("lookup_order", Map.of("result", Map.of("status", "shipped"))),
                "expected_calls", List.of(Map.of("tool", "lookup_order", "args", Map.of("order_id", "A-1")))),
                Expected.none(), Map.of(), null, "cases.jsonl:1");
    }

    private static Suite suite(Target target, int maxSteps) {
        ConfigNode scorers = YamlTree.parse("evalgate.yaml", "- tool-calls\n", Interpolator.of(Map.of()));
        TargetConfig config = new TargetConfig("agent", "test", target, null, OutputTransform.IDENTITY, POLICY,
                PriceSource.unknown(), null, "agent");
        return new Suite("demo", Path.of("evalgate.yaml"), Path.of("cases.jsonl"), Dataset.of(List.of()), Map.of(),
                List.of(config), ScorerSpecs.parse(scorers, Scorers.builtIn()), List.of(),
                new RunOptions(2, Duration.ZERO, 3, 1, 1, 0, 0, 0, false), "", null, null, null,
                new Toolbox(List.of(LOOKUP), maxSteps, "auto"));
    }

    private static Sample runOne(Suite suite, Case kase, ResponseCache cache) throws InterruptedException {
        RunnerTest.Collecting sink = new RunnerTest.Collecting();
        new Runner(suite, Dataset.of(List.of(kase)), INFO, cache).run(sink, new CancelToken());
        return sink.only("agent", kase.id()).first();
    }

    /** Looks the order up once, then answers with what the tool said. */
    private static final class Agent implements Target {
        final List<Request> seen = new CopyOnWriteArrayList<>();

        @Override
        public Reply call(Request request) {
            seen.add(request);
            List<Turn> turns = request.conversation().turns();
            Turn last = turns.getLast();
            if ("tool".equals(last.role())) {
                return new Reply("Order A-1: " + last.content(), new TokenUsage(20, 5));
            }
            return new Reply("", new TokenUsage(10, 3), List.of(new ToolCall("call-7", "lookup_order",
                    "{\"order_id\":\"A-1\"}")));
        }
    }

    @Test
    void sends_the_scripted_result_back_under_the_calls_id_and_stops_at_the_first_answer_without_calls()
            throws InterruptedException {
        Agent agent = new Agent();

        Sample s = runOne(suite(agent, 5), orderCase("c1"), ResponseCache.NONE);

        assertThat(agent.seen).hasSize(2);
        assertThat(agent.seen.getFirst().conversation().tools()).containsExactly(LOOKUP);
        assertThat(agent.seen.get(1).conversation().turns()).containsExactly(Turn.of("user", "where is A-1?"),
                Turn.assistant("", List.of(new ToolCall("call-7", "lookup_order", "{\"order_id\":\"A-1\"}"))),
                new Turn("tool", "{\"status\":\"shipped\"}", List.of(), "call-7", "lookup_order", false));
        assertThat(s.outcome()).isEqualTo(Outcome.PASS);
        assertThat(s.output()).isEqualTo("Order A-1: {\"status\":\"shipped\"}");
        assertThat(s.exchange().steps()).isEqualTo(2);
        assertThat(s.usage()).isEqualTo(new TokenUsage(30, 8));
        assertThat(s.latencyMs()).isEqualTo(s.exchange().calls().get(0).latencyMs()
                + s.exchange().calls().get(1).latencyMs());
    }

    @Test
    void a_model_that_never_stops_fails_at_max_steps_and_the_run_completes() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Target forever = request -> new Reply("", null, List.of(new ToolCall("c" + calls.incrementAndGet(),
                "lookup_order", "{\"order_id\":\"A-1\"}")));

        Sample s = runOne(suite(forever, 3), orderCase("c1"), ResponseCache.NONE);

        assertThat(calls).hasValue(3);
        assertThat(s.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(s.exchange().hitMaxSteps()).isTrue();
        assertThat(s.scores().getFirst().reason()).isEqualTo("stopped at max_steps 3: the model was still calling "
                + "lookup_order after 3 model calls");
    }

    @Test
    void a_retriable_failure_on_step_two_retries_that_step_and_never_restarts_the_conversation()
            throws InterruptedException {
        Agent agent = new Agent();
        AtomicInteger failures = new AtomicInteger();
        Target flaky = request -> {
            if (request.conversation().turns().size() > 1 && failures.getAndIncrement() == 0) {
                throw TargetException.retriable("rate_limited", "HTTP 429");
            }
            return agent.call(request);
        };

        Sample s = runOne(suite(flaky, 5), orderCase("c1"), ResponseCache.NONE);

        assertThat(s.outcome()).isEqualTo(Outcome.PASS);
        assertThat(agent.seen).hasSize(2); // step 1 once, step 2 once after its failed attempt
        assertThat(s.exchange().calls().get(1).attempts()).isEqualTo(2);
        assertThat(s.attempts()).isEqualTo(3);
    }

    @Test
    void a_repeated_run_answers_every_step_from_the_cache_and_makes_no_call() throws InterruptedException {
        Map<String, Reply> kept = new ConcurrentHashMap<>();
        ResponseCache cache = new ResponseCache() {
            @Override
            public Optional<Reply> get(String key) {
                return Optional.ofNullable(kept.get(key));
            }

            @Override
            public void put(String key, Reply reply) {
                kept.put(key, reply);
            }
        };
        Agent agent = new Agent();
        Suite suite = suite(agent, 5);

        Sample first = runOne(suite, orderCase("c1"), cache);
        Sample second = runOne(suite, orderCase("c1"), cache);

        assertThat(agent.seen).hasSize(2);
        assertThat(second.cached()).isTrue();
        assertThat(second.output()).isEqualTo(first.output());
        assertThat(second.exchange().toolCalls()).isEqualTo(first.exchange().toolCalls());
        assertThat(second.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_call_that_fails_for_good_errors_the_case_and_keeps_the_steps_so_far() throws InterruptedException {
        Agent agent = new Agent();
        Target broken = request -> {
            if (request.conversation().turns().size() > 1) {
                throw TargetException.fatal("bad_request", "HTTP 400");
            }
            return agent.call(request);
        };

        Sample s = runOne(suite(broken, 5), orderCase("c1"), ResponseCache.NONE);

        assertThat(s.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(s.error().message()).isEqualTo("HTTP 400");
        assertThat(s.exchange().steps()).isEqualTo(2);
    }
}
