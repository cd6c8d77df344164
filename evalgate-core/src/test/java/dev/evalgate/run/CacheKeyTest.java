package dev.evalgate.run;

import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.target.Request;
import dev.evalgate.tools.Conversation;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolResult;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Turn;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CacheKeyTest {

    /** The key as earlier versions computed it (through a JSON tree and a string): stored keys must still match. */
    private static String storedForm(String identity, Request request) {
        return CacheKey.throughString(identity, request);
    }

    private static Case kase(Map<String, Object> vars) {
        return new Case("c1", vars, Expected.none(), Map.of(), null, "cases.jsonl:1");
    }

    @Test
    void every_kind_of_request_keeps_the_key_earlier_versions_stored() throws Exception {
        assertThat(CacheKey.throughString("t", new Request(Case.of("c1", "plain", Expected.none()), null, 0)))
                .as("the key of a plain case, as stored by earlier versions")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                        ("{\"target\":\"t\",\"system\":null,\"user\":\"plain\",\"vars\":{\"input\":\"plain\"},"
                                + "\"repeat\":0}").getBytes(StandardCharsets.UTF_8))));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zeta", List.of(1, 2.5, "three", true));
        nested.put("alpha", Map.of("b", 1L, "a", -0.0));
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("input", "Où est ma commande? 🚚 \"quoted\" \\ back\nslash\t\u0001");
        vars.put("order", nested);
        vars.put("amount", 12.75);
        vars.put("big", 12345678901234L);
        vars.put("flag", false);
        vars.put("empty", "");
        ToolCall call = new ToolCall("call_1", "lookup_order", "{\"order_id\":\"A-1\"}");
        Conversation conversation = new Conversation(List.of(Turn.of("system", "Be brief."), Turn.of("user", "hi é"),
                Turn.assistant("", List.of(call)), Turn.toolResult(call, new ToolResult("{\"status\":\"ok\"}", false))),
                List.of(new ToolSpec("lookup_order", "Find an order",
                        ResponseCache.Keys.JSON.readTree("{\"type\":\"object\",\"properties\":{\"z\":{},\"a\":{}}}"))),
                "auto");

        Map<String, Object> broken = Map.of("input", "half a pair \uD83D here", "other", "\uDE9A");
        List<Request> requests = List.of(
                new Request(kase(broken), new RenderedPrompt(null, "lone \uD83D"), 0),
                new Request(Case.of("c1", "plain", Expected.none()), null, 0),
                new Request(kase(vars), new RenderedPrompt("System ünïcode", "User {{x}} 💬"), 3),
                new Request(kase(vars), null, 1, conversation),
                new Request(kase(Map.of("input", "x")), new RenderedPrompt(null, "only user"), 0,
                        new Conversation(List.of(Turn.of("user", "x")), List.of(), null)));

        for (Request request : requests) {
            for (String identity : new String[] {"openai|gpt|t=0", "ä-identity"}) {
                assertThat(CacheKey.of(identity, request)).isEqualTo(storedForm(identity, request));
            }
        }
    }

    @Test
    void the_repeat_index_and_every_variable_change_the_key() {
        Request first = new Request(kase(Map.of("input", "a", "n", 1)), null, 0);

        assertThat(CacheKey.of("t", first)).isNotEqualTo(CacheKey.of("t", new Request(first.kase(), null, 1)))
                .isNotEqualTo(CacheKey.of("t", new Request(kase(Map.of("input", "a", "n", 2)), null, 0)))
                .isNotEqualTo(CacheKey.of("u", first))
                .hasSize(64);
    }
}
