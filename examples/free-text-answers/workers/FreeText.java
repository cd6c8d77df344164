// A stand-in worker for the free-text example, speaking evalgate's `command` protocol (one JSON line in, one out).
//
//   java workers/FreeText.java candidate <accuracy> <seed>
//       answers each case with its "good" answer with probability <accuracy>, otherwise with its "bad" one;
//   java workers/FreeText.java judge <sensitivity> <specificity> <seed>
//       grades the answer shown in the judge prompt: a good answer passes with probability <sensitivity>, a bad one
//       fails with probability <specificity>, and replies with one JSON verdict, as a model judge would.
//
// Every draw is a hash of the seed, the case id and the text, so a run is reproducible.

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class FreeText {

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            Map<?, ?> request = (Map<?, ?>) new Json(line).value();
            Map<?, ?> vars = (Map<?, ?>) request.get("vars");
            String id = (String) request.get("id");
            String text = args[0].equals("judge")
                    ? judge(id, vars, (String) ((Map<?, ?>) request.get("prompt")).get("user"),
                            Double.parseDouble(args[1]), Double.parseDouble(args[2]), Long.parseLong(args[3]))
                    : draw(Long.parseLong(args[2]), id, "") < Double.parseDouble(args[1])
                            ? (String) vars.get("good") : (String) vars.get("bad");
            out.println("{\"output\": " + quote(text) + "}");
        }
    }

    /** A verdict on the answer in the prompt, right with the given sensitivity and specificity. */
    static String judge(String id, Map<?, ?> vars, String prompt, double sensitivity, double specificity, long seed) {
        boolean good = prompt.contains((String) vars.get("good"));
        double u = draw(seed, id, prompt);
        boolean pass = good ? u < sensitivity : u >= specificity;
        String reason = pass ? "Every claim is supported by the context." : "A claim is not supported by the context.";
        return "{\"reason\": " + quote(reason) + ", \"verdict\": \"" + (pass ? "pass" : "fail") + "\", \"score\": "
                + (pass ? "1" : "0") + "}";
    }

    /** A number in [0, 1) fixed by the seed, the case id and the text. */
    static double draw(long seed, String id, String text) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (char c : (id + "\u0000" + text).toCharArray()) {
            h = (h ^ c) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
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
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    /** Just enough JSON to read one request line: objects, arrays, strings, numbers, true, false, null. */
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
                do {
                    skip();
                    String key = string();
                    skip();
                    i++; // ':'
                    map.put(key, value());
                    skip();
                } while (s.charAt(i++) == ',');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                skip();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                do {
                    list.add(value());
                    skip();
                } while (s.charAt(i++) == ',');
                return list;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \t".indexOf(s.charAt(i)) < 0) {
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
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
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
            i++;
            return b.toString();
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
