import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted order-support agent that behaves like a tool-calling model, run as an evalgate {@code command} worker.
 *
 * <p>Protocol: one JSON request per stdin line with the conversation so far in {@code messages}; one JSON line out,
 * either {@code {"tool_calls": [{"id", "name", "arguments"}]}} to call tools or {@code {"output": "..."}} to answer.
 * It makes some mistakes on purpose, so the evaluation has something to find: orders ending in 3 are tracked before
 * they are looked up, refunds of orders ending in 7 ask for $10 too much, an order ending in 5 is refunded before it
 * arrived, and questions about invoices make it search forever.
 *
 * <p>Run: {@code java OrderAgent.java} (Java 17+, no dependencies).
 */
public class OrderAgent {

    private static final Pattern ORDER = Pattern.compile("A-\\d{4}");

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.println(answer(line));
            } catch (RuntimeException e) {
                out.println("{\"error\":" + Json.quote(e.toString()) + "}");
            }
            out.flush();
        }
    }

    @SuppressWarnings("unchecked")
    static String answer(String line) {
        Map<String, Object> request = (Map<String, Object>) new Json(line).value();
        List<Map<String, Object>> messages = (List<Map<String, Object>>) request.getOrDefault("messages", List.of());
        int lastUser = -1;
        StringBuilder everything = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            if ("user".equals(messages.get(i).get("role"))) {
                lastUser = i;
                everything.append(messages.get(i).get("content")).append('\n');
            }
        }
        String said = lastUser < 0 ? "" : String.valueOf(messages.get(lastUser).get("content"));
        List<String[]> results = new ArrayList<>(); // tool name, content, since the last user turn
        for (int i = lastUser + 1; i < messages.size(); i++) {
            if ("tool".equals(messages.get(i).get("role"))) {
                results.add(new String[] {String.valueOf(messages.get(i).get("name")),
                        String.valueOf(messages.get(i).get("content"))});
            }
        }
        Matcher m = ORDER.matcher(said);
        String order = m.find() ? m.group() : firstOrder(everything.toString());
        String text = said.toLowerCase(Locale.ROOT);
        if (order != null && (text.contains("refund") || text.contains("money back") || text.contains("broken"))) {
            return refund(order, results);
        }
        if (order != null) {
            return track(order, results);
        }
        return help(said, results);
    }

    private static String firstOrder(String text) {
        Matcher m = ORDER.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static String track(String order, List<String[]> results) {
        boolean careless = order.endsWith("3");
        String first = careless ? "track_shipment" : "lookup_order";
        if (results.isEmpty()) {
            return call(first, "{\"order_id\":\"" + order + "\"}");
        }
        String lookup = result(results, "lookup_order");
        if (lookup != null && "delivered".equals(field(lookup, "status"))) {
            return say("Your order " + order + " was delivered on " + field(lookup, "delivered_on") + ".");
        }
        if (results.size() == 1) {
            return call(careless ? "lookup_order" : "track_shipment", "{\"order_id\":\"" + order + "\"}");
        }
        String tracking = result(results, "track_shipment");
        return say("Your order " + order + " is on its way with " + field(tracking, "carrier") + ", arriving "
                + field(tracking, "eta") + ".");
    }

    private static String refund(String order, List<String[]> results) {
        if (results.isEmpty()) {
            return call("lookup_order", "{\"order_id\":\"" + order + "\"}");
        }
        String lookup = result(results, "lookup_order");
        String refunded = result(results, "issue_refund");
        if (refunded != null) {
            return refunded.startsWith("Error:") || refunded.contains("\"error\"")
                    ? say("The refund for order " + order + " could not be issued right now; a colleague will "
                    + "follow up.")
                    : say("I have refunded $" + field(refunded, "amount") + " for order " + order + ".");
        }
        boolean delivered = "delivered".equals(field(lookup, "status"));
        if (!delivered && !order.endsWith("5")) {
            return say("Order " + order + " has not been delivered yet, so I cannot refund it before it arrives.");
        }
        double amount = Double.parseDouble(field(lookup, "total")) + (order.endsWith("7") ? 10 : 0);
        return call("issue_refund", String.format(Locale.ROOT,
                "{\"order_id\":\"%s\",\"amount\":%.2f,\"reason\":\"damaged\"}", order, amount));
    }

    private static String help(String said, List<String[]> results) {
        if (said.toLowerCase(Locale.ROOT).contains("invoice")) {
            // the deliberate loop: never satisfied with what it finds
            return call("search_help", "{\"query\":" + Json.quote("invoice copy, attempt " + (results.size() + 1))
                    + "}");
        }
        if (results.isEmpty()) {
            return call("search_help", "{\"query\":" + Json.quote(said) + "}");
        }
        return say("Here is what I found: " + results.get(results.size() - 1)[1]);
    }

    private static String result(List<String[]> results, String tool) {
        for (String[] r : results) {
            if (r[0].equals(tool)) {
                return r[1];
            }
        }
        return null;
    }

    /** A field of a tool's JSON result, read with a pattern: enough for the flat results of this example. */
    private static String field(String json, String name) {
        if (json == null) {
            return "";
        }
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|[-0-9.]+)").matcher(json);
        return !m.find() ? "" : m.group(2) != null ? m.group(2) : m.group(1);
    }

    private static String call(String tool, String arguments) {
        return "{\"tool_calls\":[{\"name\":\"" + tool + "\",\"arguments\":" + Json.quote(arguments)
                + "}],\"usage\":{\"input_tokens\":120,\"output_tokens\":18}}";
    }

    private static String say(String text) {
        return "{\"output\":" + Json.quote(text) + ",\"usage\":{\"input_tokens\":150,\"output_tokens\":24}}";
    }

    /** A small JSON reader: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                skip();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    i++; // ':'
                    map.put(key, value());
                    skip();
                    if (s.charAt(i++) == '}') {
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skip();
                    if (s.charAt(i++) == ']') {
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String word = s.substring(start, i);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.parseDouble(word);
            };
        }

        private String string() {
            StringBuilder b = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        static String quote(String text) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
