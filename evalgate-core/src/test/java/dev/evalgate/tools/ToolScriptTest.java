package dev.evalgate.tools;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolScriptTest {

    private static ToolScript script(String json) throws Exception {
        return ToolScript.parse(ToolJson.MAPPER.readTree(json));
    }

    @Test
    void answers_by_tool_name_then_argument_match_then_default_then_any_tool() throws Exception {
        ToolScript s = script("""
                {"lookup_order": [{"when": {"order_id": "A-1"}, "result": {"status": "shipped"}},
                                  {"error": "order not found"}],
                 "search_help": "See Settings.",
                 "*": {"result": "ok"}}""");

        assertThat(s.answer(new ToolCall("1", "lookup_order", "{\"order_id\":\"A-1\"}")))
                .isEqualTo(new ToolResult("{\"status\":\"shipped\"}", false));
        assertThat(s.answer(new ToolCall("2", "lookup_order", "{\"order_id\":\"A-2\"}")))
                .isEqualTo(new ToolResult("order not found", true));
        assertThat(s.answer(new ToolCall("3", "search_help", "{}"))).isEqualTo(new ToolResult("See Settings.", false));
        assertThat(s.answer(new ToolCall("4", "track", "{}"))).isEqualTo(new ToolResult("ok", false));
    }

    @Test
    void a_call_nothing_answers_gets_an_error_result_naming_it() throws Exception {
        ToolScript s = script("{\"lookup_order\": {\"when\": {\"order_id\": \"A-1\"}, \"result\": 1}}");

        assertThat(s.answer(new ToolCall("1", "lookup_order", "{\"order_id\":\"A-9\"}")))
                .isEqualTo(new ToolResult("no scripted result for lookup_order({\"order_id\":\"A-9\"})", true));
    }

    @Test
    void a_rule_with_both_result_and_error_is_refused() {
        assertThatThrownBy(() -> script("{\"t\": {\"result\": 1, \"error\": \"x\"}}"))
                .hasMessage("tool_results.t: a rule gives either 'result' or 'error'");
    }
}
