package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic tool-calling model for loopback servers, in the OpenAI or the Anthropic format. The case number n
 * in the first user turn ("case n") decides its behaviour by n % 5: 0 calls lookup_order then issue_refund then
 * answers; 1 looks up the wrong order; 2 refunds before looking up; 3 never stops looking up; 4 writes arguments
 * that are not JSON. Each call works a known time, kept per case.
 */
final class ToolCallingModel {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CASE = Pattern.compile("case (\\d+)");

    final boolean anthropic;
    /** Per case number, the sum of the model's own time over its calls, in ms. */
    final Map<Integer, Double> serverMs = new ConcurrentHashMap<>();

    ToolCallingModel(boolean anthropic) {
        this.anthropic = anthropic;
    }

    String answer(String body) {
        long t0 = System.nanoTime();
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode messages = root.get("messages");
            int n = -1;
            int step = 1;
            for (JsonNode m : messages) {
                String text = m.path("content").isTextual() ? m.path("content").textValue() : "";
                Matcher matcher = CASE.matcher(text);
                if (n < 0 && "user".equals(m.path("role").asText()) && matcher.find()) {
                    n = Integer.parseInt(matcher.group(1));
                }
                if ("assistant".equals(m.path("role").asText())) {
                    step++;
                }
            }
            Thread.sleep(1 + (n + step) % 3);
            String reply = reply(n, step);
            serverMs.merge(n, (System.nanoTime() - t0) / 1e6, Double::sum);
            return reply;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String reply(int n, int step) {
        String lookup = "{\"order_id\":\"A-" + n + "\"}";
        String refund = "{\"order_id\":\"A-" + n + "\",\"amount\":50}";
        return switch (n % 5) {
            case 0 -> step == 1 ? calls(n, step, "lookup_order", lookup) : step == 2 ? calls(n, step, "issue_refund", refund)
                    : text("refunded order A-" + n);
            case 1 -> step == 1 ? calls(n, step, "lookup_order", "{\"order_id\":\"B-" + n + "\"}")
                    : step == 2 ? calls(n, step, "issue_refund", refund) : text("refunded");
            case 2 -> step == 1 ? calls(n, step, "issue_refund", refund) : step == 2 ? calls(n, step, "lookup_order", lookup)
                    : text("refunded");
            case 3 -> calls(n, step, "lookup_order", lookup);
            default -> step == 1 ? calls(n, step, "lookup_order", "{order_id: A-" + n)
                    : step == 2 ? calls(n, step, "issue_refund", refund) : text("refunded");
        };
    }

    private String calls(int n, int step, String tool, String arguments) {
        String id = "call_" + n + "_" + step;
        ObjectNode root = JSON.createObjectNode();
        if (anthropic) {
            ArrayNode content = root.putArray("content");
            ObjectNode use = content.addObject().put("type", "tool_use").put("id", id).put("name", tool);
            try {
                use.set("input", JSON.readTree(arguments));
            } catch (Exception e) {
                use.put("input", arguments); // a model's broken arguments, passed on as text
            }
            root.put("stop_reason", "tool_use");
            root.putObject("usage").put("input_tokens", 100).put("output_tokens", 10);
        } else {
            ObjectNode message = root.putArray("choices").addObject().putObject("message");
            message.put("role", "assistant").putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject().put("id", id).put("type", "function");
            call.putObject("function").put("name", tool).put("arguments", arguments);
            root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 10);
        }
        return root.toString();
    }

    private String text(String text) {
        ObjectNode root = JSON.createObjectNode();
        if (anthropic) {
            root.putArray("content").addObject().put("type", "text").put("text", text);
            root.putObject("usage").put("input_tokens", 100).put("output_tokens", 10);
        } else {
            root.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", text);
            root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 10);
        }
        return root.toString();
    }

    /** A case of number n: the scripted tools and the calls every case expects. */
    static String caseLine(int n) {
        return ("{\"id\":\"c%d\",\"input\":\"case %d\",\"tool_results\":{\"lookup_order\":{\"result\":{\"status\":"
                + "\"delivered\"}},\"issue_refund\":{\"result\":{\"refund_id\":\"R-%d\"}}},\"expected_calls\":["
                + "{\"tool\":\"lookup_order\",\"args\":{\"order_id\":\"A-%d\"}},{\"tool\":\"issue_refund\",\"args\":"
                + "{\"order_id\":\"A-%d\",\"amount\":{\"min\":0,\"max\":100}}}],\"call_order\":[\"lookup_order before "
                + "issue_refund\"],\"forbidden_calls\":[\"delete_account\"]}\n").formatted(n, n, n, n, n);
    }

    static final String TOOLS = """
            tools:
              - name: lookup_order
                description: Find an order
                parameters: { type: object, properties: { order_id: { type: string } }, required: [order_id] }
              - name: issue_refund
                description: Refund an order
                parameters: { type: object, properties: { order_id: { type: string }, amount: { type: number } } }
            agent: { max_steps: 4, tool_choice: auto }
            """;
}
