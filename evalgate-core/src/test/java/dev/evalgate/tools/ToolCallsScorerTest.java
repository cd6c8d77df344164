package dev.evalgate.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;
import dev.evalgate.score.Scorers;
import dev.evalgate.config.Options;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ToolCallsScorerTest {

    private static Case kase(String fieldsJson) {
        try {
            JsonNode fields = ToolJson.MAPPER.readTree(fieldsJson);
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("input", "question");
            fields.properties().forEach(e -> vars.put(e.getKey(), ToolJson.MAPPER.convertValue(e.getValue(), Object.class)));
            return new Case("c1", vars, Expected.none(), Map.of(), null, "cases.jsonl:1");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ToolCall call(String name, String args) {
        return new ToolCall("id-" + name + args.hashCode(), name, args);
    }

    private static Exchange exchange(ToolCall... calls) {
        List<ModelCall> steps = new ArrayList<>();
        for (int i = 0; i < calls.length; i++) {
            steps.add(new ModelCall(i + 1, 1, 1, null, null, false, "", List.of(calls[i])));
        }
        return new Exchange(List.of(), steps, List.of(), false, 10);
    }

    private static Score score(String caseJson, ToolCall... calls) {
        ConfigNode node = YamlTree.parse("evalgate.yaml", "tool-calls: {}\n", Interpolator.of(Map.of()));
        var scorer = Scorers.builtIn().get("tool-calls", node)
                .create(Options.of(((ConfigNode.Mapping) node).entries().get("tool-calls")));
        return scorer.score(kase(caseJson), "done", exchange(calls));
    }

    private static final String REFUND = """
            {"expected_calls": [{"tool": "lookup_order", "args": {"order_id": "A-1001"}},
              {"tool": "issue_refund", "args": {"order_id": {"regex": "^A-\\\\d{4}$"}, "amount": {"min": 0, "max": 50},
                "reason": {"any": true}}}],
             "forbidden_calls": ["delete_account"],
             "call_order": ["lookup_order before issue_refund"]}""";

    @Test
    void passes_with_f1_one_when_every_expected_call_is_made_in_order() {
        Score s = score(REFUND, call("lookup_order", "{\"order_id\":\"A-1001\"}"),
                call("issue_refund", "{\"order_id\":\"A-1001\",\"amount\":20,\"reason\":\"broken\"}"));

        assertThat(s.outcome()).isEqualTo(Outcome.PASS);
        assertThat(s.value()).isEqualTo(1.0);
        assertThat(s.reason()).isEqualTo("all 2 expected tool calls made, in order");
    }

    @Test
    void names_the_argument_that_did_not_match_in_the_users_words() {
        Score s = score(REFUND, call("lookup_order", "{\"order_id\":\"A-1002\"}"),
                call("issue_refund", "{\"order_id\":\"A-1001\",\"amount\":75,\"reason\":\"broken\"}"));

        assertThat(s.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(s.value()).isEqualTo(0.0);
        assertThat(s.reason()).isEqualTo("tool calls F1 0.00: lookup_order was called with order_id \"A-1002\", "
                + "but expected \"A-1001\"; issue_refund was called with amount 75, but expected a number from 0 "
                + "to 50");
    }

    @Test
    void names_missing_extra_forbidden_and_mis_ordered_calls() {
        Score s = score(REFUND, call("issue_refund", "{\"order_id\":\"A-1001\",\"amount\":20,\"reason\":\"x\"}"),
                call("search_help", "{\"query\":\"refund\"}"), call("delete_account", "{}"),
                call("lookup_order", "{\"order_id\":\"A-1001\"}"));

        assertThat(s.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(s.reason()).isEqualTo("tool calls F1 0.67: forbidden call delete_account({}); extra call "
                + "search_help({\"query\":\"refund\"}); issue_refund (call 1) came before any lookup_order; expected "
                + "lookup_order before issue_refund");
        assertThat(s.value()).isCloseTo(2 * 0.5 * 1 / 1.5, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void a_missing_call_is_named_and_counts_against_recall() {
        Score s = score(REFUND, call("lookup_order", "{\"order_id\":\"A-1001\"}"));

        assertThat(s.reason()).isEqualTo("tool calls F1 0.67: missing call issue_refund");
    }

    @Test
    void arguments_that_are_not_json_fail_with_a_clear_reason() {
        Score s = score(REFUND, call("lookup_order", "{order_id: A-1001"),
                call("issue_refund", "{\"order_id\":\"A-1001\",\"amount\":20,\"reason\":\"x\"}"));

        assertThat(s.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(s.reason()).isEqualTo("tool calls F1 0.50: lookup_order was called with arguments that are not "
                + "valid JSON: {order_id: A-1001");
    }

    @Test
    void exactly_counts_extra_matching_calls_and_at_least_absorbs_them() {
        String exactly = "{\"expected_calls\": [{\"tool\": \"search_help\", \"times\": 1}]}";
        String atLeast = "{\"expected_calls\": [{\"tool\": \"search_help\", \"at_least\": 1}]}";
        ToolCall a = call("search_help", "{\"query\":\"a\"}");
        ToolCall b = call("search_help", "{\"query\":\"b\"}");

        assertThat(score(exactly, a, b).reason()).isEqualTo("tool calls F1 0.67: search_help was called 2 times, "
                + "but expected exactly 1");
        assertThat(score(atLeast, a, b).outcome()).isEqualTo(Outcome.PASS);
        assertThat(score("{\"expected_calls\": [{\"tool\": \"search_help\", \"times\": 2}]}", a).reason())
                .isEqualTo("tool calls F1 0.67: search_help was called once, but expected exactly 2");
    }

    @Test
    void a_loose_expectation_never_takes_the_only_call_a_strict_one_can_use() {
        String both = """
                {"expected_calls": [{"tool": "lookup_order"}, {"tool": "lookup_order", "args": {"order_id": "A-1"}}]}""";

        Score s = score(both, call("lookup_order", "{\"order_id\":\"A-1\"}"), call("lookup_order", "{\"order_id\":\"B\"}"));

        assertThat(s.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void no_calls_when_none_are_expected_passes_and_a_forbidden_call_fails() {
        String none = "{\"expected_calls\": [], \"forbidden_calls\": [{\"tool\": \"issue_refund\"}]}";

        assertThat(score(none).reason()).isEqualTo("no tool calls, as expected");
        Score s = score(none, call("issue_refund", "{\"order_id\":\"A-1\"}"));
        assertThat(s.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(s.reason()).isEqualTo("tool calls F1 0.00: forbidden call issue_refund({\"order_id\":\"A-1\"})");
    }

    @Test
    void schema_fragments_check_an_argument() {
        String schema = """
                {"expected_calls": [{"tool": "issue_refund", "args": {"amount": {"schema": {"type": "integer"}}}}]}""";

        assertThat(score(schema, call("issue_refund", "{\"amount\":3}")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(score(schema, call("issue_refund", "{\"amount\":\"3\"}")).reason())
                .startsWith("tool calls F1 0.00: issue_refund was called with amount \"3\", which does not match "
                        + "its schema: ");
    }
}
