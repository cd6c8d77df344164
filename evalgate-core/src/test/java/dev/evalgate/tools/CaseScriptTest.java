package dev.evalgate.tools;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CaseScriptTest {

    private static Case kase(String id) {
        return new Case(id, Map.of("input", "where is A-1?",
                "tool_results", Map.of("lookup_order", Map.of("result", Map.of("status", "shipped"))),
                "expected_calls", List.of(Map.of("tool", "lookup_order"))), Expected.none(), Map.of(), null, id);
    }

    @Test
    void a_case_asked_for_again_gets_the_script_already_read() {
        Case kase = kase("c1");

        assertThat(CaseScript.of(kase)).isSameAs(CaseScript.of(kase));
    }

    @Test
    void an_equal_case_read_from_elsewhere_gets_an_equal_script_of_its_own() {
        Case one = kase("c1");
        Case other = kase("c1");

        CaseScript first = CaseScript.of(one);
        CaseScript second = CaseScript.of(other);

        assertThat(second).isEqualTo(first);
        assertThat(second.script().answer(new ToolCall("1", "lookup_order", "{}")).content())
                .isEqualTo("{\"status\":\"shipped\"}");
    }
}
