import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A word-list sentiment classifier for product reviews (positive, negative or neutral), run as an evalgate
 * {@code command} worker; replace it with your own model and keep the protocol.
 *
 * <p>Protocol: one JSON object per stdin line, e.g. {@code {"id":"review-01","input":"Love it",...}}; exactly one
 * line per non-blank input line on stdout, flushed: {@code {"output":"positive"}}, or {@code {"error":"..."}}
 * when the line is not a JSON object. Only {@code input} is read (falling back to {@code prompt.user}).
 * Diagnostics go to stderr; EOF exits 0. Run: {@code java SentimentWorker.java} (Java 17+, no dependencies).
 */
public class SentimentWorker {

    static final Set<String> POSITIVE = Set.of("love", "loved", "like", "liked", "great", "good", "excellent",
            "perfect", "happy", "comfortable", "warm", "clear", "fast", "recommend", "amazing", "beautiful",
            "sturdy", "lasts", "worth", "nice", "best", "again", "super", "easy");
    static final Set<String> NEGATIVE = Set.of("broke", "broken", "waste", "scratched", "disappointed", "bad",
            "poor", "stopped", "never", "loud", "short", "cheap", "flimsy", "awful", "terrible", "worst", "return",
            "refund", "leaks", "late", "doesn't", "useless", "too", "hate", "smells", "wobbly");
    /** A negator flips the next sentiment word within two words, so "not bad at all" counts as praise. */
    static final Set<String> NEGATORS = Set.of("not", "no", "isn't", "wasn't", "hardly", "without");

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        long lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue; // not a request; answering it would put the replies out of step
            }
            String reply;
            try {
                reply = "{\"output\":\"" + classify(inputText(new Json(line).parseObject())) + "\"}";
            } catch (IllegalArgumentException e) {
                System.err.println("SentimentWorker: stdin line " + lineNo + ": " + e.getMessage());
                reply = "{\"error\":" + Json.quote("stdin line " + lineNo + ": " + e.getMessage()) + "}";
            }
            out.write(reply);
            out.write('\n');
            out.flush();
        }
    }

    static String inputText(Map<String, Object> request) {
        if (request.get("input") instanceof String input) {
            return input;
        }
        if (request.get("prompt") instanceof Map<?, ?> prompt && prompt.get("user") instanceof String user) {
            return user;
        }
        System.err.println("SentimentWorker: no string 'input' or 'prompt.user'; answering neutral");
        return "";
    }

    static String classify(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}\\p{N}']+");
        int score = 0;
        int negateUntil = -1;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (NEGATORS.contains(word)) {
                negateUntil = i + 2;
                continue;
            }
            int sign = POSITIVE.contains(word) ? 1 : NEGATIVE.contains(word) ? -1 : 0;
            if (sign != 0 && i <= negateUntil) {
                sign = -sign;
                negateUntil = -1;
            }
            score += sign;
        }
        return score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
    }

    /** Just enough JSON to read one object per line: strings, numbers, literals, nested objects and arrays. */
    static final class Json {
        private final String s;
        private int pos;

        Json(String s) {
            this.s = s;
        }

        Map<String, Object> parseObject() {
            skipSpace();
            if (peek() != '{') {
                throw error("expected a JSON object like {\"input\":\"...\"}");
            }
            Map<String, Object> map = object();
            skipSpace();
            if (pos != s.length()) {
                throw error("unexpected text after the object");
            }
            return map;
        }

        static String quote(String text) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append('"').toString();
        }

        private Object value() {
            skipSpace();
            char c = peek();
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                pos++;
                skipSpace();
                if (peek() == ']') {
                    pos++;
                    return null;
                }
                do {
                    value();
                    skipSpace();
                } while (comma());
                expect(']');
                return null; // arrays are never needed, only skipped correctly
            }
            if (c == '"') {
                return string();
            }
            int start = pos;
            while (pos < s.length() && "+-.0123456789eEtrufalsn".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String token = s.substring(start, pos);
            if (!token.matches("true|false|null|-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
                pos = start;
                throw error("unexpected value");
            }
            return token.equals("null") ? null : token;
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            do {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a quoted key");
                }
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
            } while (comma());
            expect('}');
            return map;
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length() || !s.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                            throw error("bad \\u escape");
                        }
                        // a surrogate pair arrives as two escapes and recombines in the builder
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
            throw error("unterminated string");
        }

        /** Consumes a comma if one is next, so a loop over members or elements goes on. */
        private boolean comma() {
            if (peek() == ',') {
                pos++;
                return true;
            }
            return false;
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("malformed JSON at column " + (pos + 1) + ": " + what);
        }
    }
}
