package dev.evalgate.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.evalgate.tools.ExchangeJson;
import dev.evalgate.tools.Schemas;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolJson;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Toolbox;
import dev.evalgate.tools.Turn;
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

/** In a suite with tools, the harness is warmed on conversations in which the stand-in calls the suite's tools. */
class ConversationWarmUpTest {

    private static final CallPolicy POLICY = new CallPolicy(4, 0, Duration.ZERO, 0, Duration.ofMillis(1),
            Duration.ofMillis(10), 1);
    private static final RunInfo INFO = new RunInfo("run-1", "demo", "evalgate.yaml", "cases.jsonl", "0", List.of(),
            List.of("tool-calls"), List.of(), 1, 1, "all", "none", "test");
    private static final ToolSpec LOOKUP = tool("lookup_order", """
            {"type": "object", "properties": {"order_id": {"type": "string", "minLength": 3}}, "required": ["order_id"]}""");
    private static final ToolSpec REFUND = tool("issue_refund", """
            {"type": "object", "properties": {"order_id": {"type": "string"},
             "amount": {"type": "number", "exclusiveMinimum": 0}, "reason": {"enum": ["late", "broken"]}},
             "required": ["order_id", "amount"], "additionalProperties": false}""");

    private static ToolSpec tool(String name, String schema) {
        try {
            return new ToolSpec(name, name, ToolJson.MAPPER.readTree(schema));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A billed endpoint speaking a small protocol of its own ({@code {"text": ..., "calls": [...]}}); its rehearsal
     * keeps every request it sent to the stand-in.
     */
    static final class Endpoint implements Target {
        final AtomicInteger billed = new AtomicInteger();
        final Queue<Request> rehearsed = new ConcurrentLinkedQueue<>();
        private final HttpClient client = HttpClient.newHttpClient();

        @Override
        public Reply call(Request request) {
            billed.incrementAndGet();
            return Reply.of("yes");
        }

        @Override
        public Optional<Rehearsal> rehearsal(URI standIn) {
            Target copy = request -> {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(standIn + "/chat"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                rehearsed.add(request);
                JsonNode root = ToolJson.MAPPER.readTree(response.body());
                return new Reply(root.path("text").asText(), null, ExchangeJson.readCalls(root.get("calls")));
            };
            return Optional.of(new Rehearsal(copy, "{\"text\": \"yes\"}", Endpoint::answer));
        }

        static String answer(List<ToolCall> calls) {
            ObjectNode root = ToolJson.MAPPER.createObjectNode().put("text", calls.isEmpty() ? "yes" : "");
            ArrayNode written = root.putArray("calls");
            calls.forEach(c -> written.addObject().put("id", c.id()).put("name", c.name()).put("arguments", c.arguments()));
            return root.toString();
        }
    }

    private static List<Case> cases(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Case("c" + i, Map.of("input", "where is order A-" + i + "?",
                "tool_results", Map.of("lookup_order", Map.of("result", Map.of("status", "delivered")),
                        "issue_refund", Map.of("error", "refunds are closed")),
                "expected_calls", List.of(Map.of("tool", "lookup_order"))),
                Expected.text("yes"), Map.of(), null, "cases.jsonl:" + (i + 1))).toList();
    }

    private static RunResult run(Endpoint endpoint, int maxSteps, int cases) throws InterruptedException {
        ConfigNode scorers = YamlTree.parse("evalgate.yaml", "- tool-calls\n- tool-args-valid\n- equals\n",
                Interpolator.of(Map.of()));
        TargetConfig config = new TargetConfig("llm", "test", endpoint, null, OutputTransform.IDENTITY, POLICY,
                PriceSource.unknown(), null, "llm");
        Suite suite = new Suite("demo", Path.of("evalgate.yaml"), Path.of("cases.jsonl"), Dataset.of(List.of()),
                Map.of(), List.of(config), ScorerSpecs.parse(scorers, Scorers.builtIn()), List.of(),
                new RunOptions(4, Duration.ZERO, 0, 1, 1, 0, 0, 0), "", null, null, null,
                new Toolbox(List.of(LOOKUP, REFUND), maxSteps, "auto"));
        return new Runner(suite, Dataset.of(cases(cases)), INFO).warmingHarness(true, warmed -> {
        }).run(new RunnerTest.Collecting(), new CancelToken());
    }

    private static List<Turn> results(Request request) {
        return request.conversation() == null ? List.of()
                : request.conversation().turns().stream().filter(t -> "tool".equals(t.role())).toList();
    }

    @Test
    void the_stand_in_calls_each_declared_tool_and_is_sent_the_cases_scripted_results() throws Exception {
        Endpoint endpoint = new Endpoint();

        run(endpoint, 4, 20);

        List<Turn> sentBack = endpoint.rehearsed.stream().flatMap(r -> results(r).stream()).toList();
        assertThat(sentBack).extracting(Turn::toolName).contains("lookup_order", "issue_refund");
        assertThat(sentBack).filteredOn(t -> t.toolName().equals("lookup_order")).allSatisfy(t -> {
            assertThat(t.content()).isEqualTo("{\"status\":\"delivered\"}");
            assertThat(t.error()).isFalse();
        });
        assertThat(sentBack).filteredOn(t -> t.toolName().equals("issue_refund"))
                .allSatisfy(t -> assertThat(t.error()).isTrue());
        assertThat(endpoint.billed).hasValue(20);
    }

    @Test
    void the_stand_ins_arguments_fit_each_tools_schema() throws Exception {
        Endpoint endpoint = new Endpoint();

        run(endpoint, 4, 10);

        List<ToolCall> calls = endpoint.rehearsed.stream().filter(r -> r.conversation() != null)
                .flatMap(r -> r.conversation().turns().stream()).flatMap(t -> t.toolCalls().stream()).toList();
        assertThat(calls).isNotEmpty().allSatisfy(c -> {
            ToolSpec spec = c.name().equals(LOOKUP.name()) ? LOOKUP : REFUND;
            assertThat(Schemas.firstViolation(spec.parameters(), c.parsed().orElseThrow())).isNull();
        });
    }

    @Test
    void a_warm_up_conversation_makes_two_tool_steps_then_ends_on_a_final_answer() throws Exception {
        Endpoint endpoint = new Endpoint();

        run(endpoint, 4, 10);

        // the third call of a conversation carries two results and is answered with text, so none goes on
        assertThat(endpoint.rehearsed).anySatisfy(r -> assertThat(results(r)).hasSize(2));
        assertThat(endpoint.rehearsed).allSatisfy(r -> assertThat(results(r).size()).isLessThanOrEqualTo(2));
    }

    @Test
    void with_max_steps_one_the_stand_in_answers_at_once_so_no_warm_up_conversation_hits_the_limit() throws Exception {
        Endpoint endpoint = new Endpoint();

        run(endpoint, 1, 10);

        assertThat(endpoint.rehearsed).isNotEmpty()
                .allSatisfy(r -> assertThat(r.conversation()).isNotNull())
                .allSatisfy(r -> assertThat(results(r)).isEmpty());
    }

    @Test
    void the_harness_overhead_of_a_conversation_suite_is_measured_per_model_call() throws Exception {
        RunResult result = run(new Endpoint(), 4, 10);

        assertThat(result.harness().path()).isEqualTo(HarnessOverhead.LOOPBACK);
        assertThat(result.harness().calls()).isBetween(HarnessWarmUp.MIN_MEASURED,
                HarnessWarmUp.MEASURED_CALLS - HarnessWarmUp.MEASURE_SKIPPED + 2);
    }
}
