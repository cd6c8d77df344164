import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A hand-written keyword baseline that routes support messages to one of eight labels, run as an evalgate
 * {@code command} worker.
 *
 * <p>Protocol: one JSON object per stdin line, e.g. {@code {"id":"sr-0001","input":"where is my refund",...}};
 * exactly one line per non-blank input line on stdout, flushed: {@code {"output":"refund"}}, or
 * {@code {"error":"..."}} when the line is not a JSON object. Only the {@code input} field is read (falling back
 * to {@code prompt.user} when {@code input} is not a string). Diagnostics go to stderr; EOF exits 0.
 *
 * <p>Run: {@code java KeywordRouter.java [--rules basic|extended]} (Java 17+, no dependencies).
 */
public class KeywordRouter {

    static final String FALLBACK = "product_question";

    /** A phrase matched at the start of a word (so "refund" also hits "refunds"), voting for a label. */
    record Rule(String label, double weight, String... phrases) {
    }

    /** First matching label wins: the crude rules a developer writes in ten minutes. */
    static final List<Rule> BASIC = List.of(
            new Rule("cancel_subscription", 1, "cancel", "unsubscribe"),
            new Rule("refund", 1, "refund", "money back"),
            new Rule("returns", 1, "return", "exchange"),
            new Rule("account_access", 1, "password", "log in", "login", "sign in", "locked"),
            new Rule("shipping", 1, "shipping", "delivery", "tracking", "package", "parcel"),
            new Rule("billing", 1, "charge", "invoice", "payment", "billing"),
            new Rule("technical_issue", 1, "error", "crash", "bug", "not loading", "not working", "app"));

    /** Weighted votes: strong intent phrases outweigh words that merely appear in many kinds of message. */
    static final List<Rule> EXTENDED = List.of(
            new Rule("refund", 3, "refund", "money back", "reimburs", "reembolso", "remboursement",
                    "rückerstattung", "difference back", "give one back", "return the money", "credited back"),
            new Rule("refund", 1.5, "owed", "cancelled order", "cancelled the order", "still charged"),
            new Rule("returns", 2.5, "return label", "return window", "return policy", "send back", "send it back",
                    "send them back", "send the", "swap", "exchange", "returnable", "returns", "restocking",
                    "devolver", "devolución", "échanger", "umtauschen", "drop off", "take back"),
            new Rule("returns", 1.5, "return", "wrong size", "too small", "too big", "doesn t fit", "dont fit"),
            new Rule("cancel_subscription", 3, "cancel my", "cancel the", "cancel it", "cancel plus", "cancel before",
                    "cancel membership", "cancel subscription", "cancel all", "cancel both", "to cancel", "cancel on",
                    "cancel online", "unsubscribe", "auto renew", "renewal", "don t renew", "dont renew",
                    "terminate", "opt out", "quit", "end my", "end subscription", "stop my", "stop the monthly",
                    "stop sending", "close his membership", "close my premium", "cancelar", "résilier", "kündigen",
                    "cancelling", "cancellation", "downgrade", "no longer wish", "done with plus"),
            new Rule("cancel_subscription", 1, "subscription", "membership", "renew", "trial", "plan"),
            new Rule("account_access", 3, "password", "log in", "login", "logged", "sign in", "signed in",
                    "locked out", "account locked", "unlock", "2fa", "two factor", "two step", "verification",
                    "authenticator", "hacked", "suspended", "deactivated", "username", "passkey", "captcha",
                    "contraseña", "mot de passe", "connecter", "anmelden", "gesperrt", "get into my account",
                    "access my account", "delete my account", "merge two accounts", "login codes", "code sent to"),
            new Rule("account_access", 1, "account", "email address", "verify", "security"),
            new Rule("shipping", 2.5, "shipping", "shipped", "ship to", "ship", "delivery", "deliver", "tracking",
                    "track my", "courier", "carrier", "parcel", "package", "dispatch", "in transit", "customs",
                    "arrive", "livrée", "envío", "versand", "versendet", "transporteur", "out for delivery",
                    "pickup point", "pick up in store", "po box", "redirected", "where is my order", "depot"),
            new Rule("shipping", 1, "address", "late", "hasn t come", "still hasn t", "nothing yet", "lost"),
            new Rule("billing", 2.5, "charged", "charge", "invoice", "billing", "billed", "payment", "pay ",
                    "paid", "vat", "tax", "receipt", "statement", "card", "price", "debit", "overcharg",
                    "transaction", "authoris", "authoriz", "fee", "gift card", "coupon", "promo code", "klarna",
                    "paypal", "apple pay", "bank transfer", "currency", "cobrado", "cobro", "facture",
                    "abbuchung", "kreditkarte"),
            new Rule("technical_issue", 3, "error", "crash", "bug", "not loading", "won t load", "wont load",
                    "doesn t load", "freez", "spinner", "spins", "blank", "broken", "404", "500", "page not found",
                    "white screen", "black screen", "stuck on", "timing out", "not working", "doesn t work",
                    "doesnt work", "does nothing", "won t connect", "disconnect", "offline", "won t pair",
                    "reinstall", "update", "greyed out", "keeps refreshing", "slow", "stürzt", "se ferme"),
            new Rule("technical_issue", 1, "app", "website", "site", "browser", "chrome", "safari", "firefox",
                    "wi fi", "firmware", "button", "page", "screen"),
            new Rule("product_question", 2, "in stock", "true to size", "material", "compatible", "compatib",
                    "does the", "do the", "is the", "are the", "are your", "difference between", "dimensions",
                    "warranty", "dishwasher", "machine washable", "fit the", "come with", "come in", "made of",
                    "waterproof", "wasserdicht", "impermeable", "what s included", "do you sell", "do you have"));

    public static void main(String[] args) throws IOException {
        List<Rule> rules = BASIC;
        boolean weighted = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String mode = arg.startsWith("--rules=") ? arg.substring(8)
                    : arg.equals("--rules") && i + 1 < args.length ? args[++i] : null;
            if ("basic".equals(mode)) {
                rules = BASIC;
                weighted = false;
            } else if ("extended".equals(mode)) {
                rules = EXTENDED;
                weighted = true;
            } else {
                System.err.println("KeywordRouter: unknown argument '" + (mode == null ? arg : mode)
                        + "'; accepted: --rules basic (default) | --rules extended");
                System.exit(2);
            }
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        long lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue; // a blank line is not a request; answering it would desynchronise the caller
            }
            String reply;
            try {
                String text = inputText(Json.parse(line));
                reply = "{\"output\":" + Json.quote(weighted ? score(rules, text) : firstMatch(rules, text)) + "}";
            } catch (IllegalArgumentException e) {
                System.err.println("KeywordRouter: stdin line " + lineNo + ": " + e.getMessage());
                reply = "{\"error\":" + Json.quote("stdin line " + lineNo + ": " + e.getMessage()) + "}";
            }
            out.write(reply);
            out.write('\n');
            out.flush();
        }
    }

    static String inputText(Object request) {
        if (!(request instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a JSON object like {\"input\":\"...\"}");
        }
        if (map.get("input") instanceof String input) {
            return input;
        }
        if (map.get("prompt") instanceof Map<?, ?> prompt && prompt.get("user") instanceof String user) {
            return user;
        }
        System.err.println("KeywordRouter: no string 'input' or 'prompt.user'; answering " + FALLBACK);
        return "";
    }

    /** Lower case, apostrophes and punctuation to spaces, padded so every phrase can be matched at a word start. */
    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        StringBuilder sb = new StringBuilder(lower.length() + 2).append(' ');
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            sb.append(Character.isLetterOrDigit(c) ? c : ' ');
        }
        return sb.append(' ').toString().replaceAll(" +", " ");
    }

    static boolean hits(String normalized, String phrase) {
        return normalized.contains(" " + phrase);
    }

    static String firstMatch(List<Rule> rules, String text) {
        String norm = normalize(text);
        for (Rule rule : rules) {
            for (String phrase : rule.phrases()) {
                if (hits(norm, phrase)) {
                    return rule.label();
                }
            }
        }
        return FALLBACK;
    }

    /** Each phrase votes once; ties go to the label listed first, which is why refund and returns lead. */
    static String score(List<Rule> rules, String text) {
        String norm = normalize(text);
        Map<String, Double> votes = new LinkedHashMap<>();
        for (Rule rule : rules) {
            for (String phrase : rule.phrases()) {
                if (hits(norm, normalize(phrase).trim())) {
                    votes.merge(rule.label(), rule.weight(), Double::sum);
                }
            }
        }
        String best = FALLBACK;
        double bestVotes = 0;
        for (Map.Entry<String, Double> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        return best;
    }

    /** Just enough JSON: parses one value into String, Map, List, Boolean, BigDecimal or null. */
    static final class Json {
        private final String s;
        private int pos;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.skipSpace();
            if (json.pos != text.length()) {
                throw json.error("unexpected text after the JSON value");
            }
            return value;
        }

        static String quote(String text) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }

        private Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unexpected end of line");
            }
            char c = s.charAt(pos);
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '"') {
                return string();
            }
            for (String literal : new String[] {"true", "false", "null"}) {
                if (s.startsWith(literal, pos)) {
                    pos += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            if (start == pos) {
                throw error("unexpected character '" + c + "'");
            }
            try {
                return new BigDecimal(s.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("bad number");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a quoted key");
                }
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    throw error("unterminated escape");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            int digit = Character.digit(s.charAt(pos++), 16);
                            if (digit < 0) {
                                throw error("bad \\u escape");
                            }
                            code = code * 16 + digit;
                        }
                        // surrogate pairs arrive as two escapes and recombine in the builder
                        sb.append((char) code);
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
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
