package dev.evalgate.tools;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The tool calls a case expects: calls that must happen (and how often), calls that must never happen, and pairs
 * that must come in order, a partial order that says nothing about calls it does not name.
 *
 * <p>Read from the case's {@code expected_calls} (items {@code {tool, args, times | at_least}}; a bare text is a
 * tool name), {@code forbidden_calls} (tool names or {@code {tool, args}}) and {@code call_order} (texts
 * {@code "lookup_order before issue_refund"} or pairs {@code ["lookup_order", "issue_refund"]}).
 */
public record CallExpectations(List<ExpectedCall> expected, List<CallPattern> forbidden, List<Before> order) {

    /** {@code first} must be called before any call of {@code then}. */
    public record Before(String first, String then) {
    }

    public CallExpectations {
        expected = List.copyOf(expected);
        forbidden = List.copyOf(forbidden);
        order = List.copyOf(order);
    }

    /** Reads the three fields; null when the case gives none of them. */
    public static CallExpectations parse(JsonNode expectedNode, JsonNode forbiddenNode, JsonNode orderNode) {
        if (absent(expectedNode) && absent(forbiddenNode) && absent(orderNode)) {
            return null;
        }
        List<ExpectedCall> expected = new ArrayList<>();
        for (JsonNode item : list(expectedNode, "expected_calls")) {
            CallPattern pattern = CallPattern.parse(item, "each item of 'expected_calls'");
            boolean atLeast = item.has("at_least");
            if (atLeast && item.has("times")) {
                throw new IllegalArgumentException("expected call " + pattern.tool() + " gives both 'times' and "
                        + "'at_least'; keep one");
            }
            JsonNode count = item.path(atLeast ? "at_least" : "times");
            if (!count.isMissingNode() && (!count.canConvertToInt() || !count.isIntegralNumber() || count.intValue() < 1)) {
                throw new IllegalArgumentException("expected call " + pattern.tool() + ": '"
                        + (atLeast ? "at_least" : "times") + "' must be a whole number of at least 1");
            }
            expected.add(new ExpectedCall(pattern, count.isMissingNode() ? 1 : count.intValue(), atLeast));
        }
        List<CallPattern> forbidden = new ArrayList<>();
        for (JsonNode item : list(forbiddenNode, "forbidden_calls")) {
            forbidden.add(CallPattern.parse(item, "each item of 'forbidden_calls'"));
        }
        List<Before> order = new ArrayList<>();
        for (JsonNode item : list(orderNode, "call_order")) {
            order.add(before(item));
        }
        return new CallExpectations(expected, forbidden, order);
    }

    private static Before before(JsonNode item) {
        if (item.isArray() && item.size() == 2 && item.get(0).isTextual() && item.get(1).isTextual()) {
            return new Before(item.get(0).textValue(), item.get(1).textValue());
        }
        String[] parts = item.isTextual() ? item.textValue().trim().split("\\s+before\\s+") : new String[0];
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("each item of 'call_order' must read \"lookup_order before "
                    + "issue_refund\" or be a pair [\"lookup_order\", \"issue_refund\"], but one is " + item);
        }
        return new Before(parts[0].trim(), parts[1].trim());
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static JsonNode list(JsonNode node, String field) {
        if (absent(node)) {
            return ToolJson.MAPPER.createArrayNode();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be a list");
        }
        return node;
    }
}
