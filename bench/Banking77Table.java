import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown table of bench-banking77.sh: one row per target of an evalgate results.json, joined with the
 * training lines the baselines print on stderr.
 *
 * <p>A single source file run as {@code java bench/Banking77Table.java results.json run.log}, so it needs only a
 * JDK: no jq, no Python, no jar. Hence the small JSON reader below instead of a library.
 */
public class Banking77Table {

    /** {@code <id>: trained <kind> on <n> cases in <ms> ms (model <size>) [from cache]}, printed by each baseline. */
    private static final Pattern TRAINED =
            Pattern.compile("^(\\S+): trained .* on \\d+ cases in (\\d+) ms \\(model ([^)]+)\\)( from cache)?");

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: java bench/Banking77Table.java <results.json> <stderr log of the run> "
                    + "[wall seconds of the run]");
            System.exit(2);
        }
        Map<?, ?> results = (Map<?, ?>) new Json(Files.readString(Path.of(args[0]))).value();
        List<String> log = Files.readAllLines(Path.of(args[1]));
        Map<String, String[]> training = training(log);
        System.out.println(
                "| target | accuracy | 95% CI | macro-F1 | p50 / case | p95 / case | training | model size |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Object item : (List<?>) results.get("metrics")) {
            Map<?, ?> m = (Map<?, ?>) item;
            String id = (String) m.get("target_id");
            Map<?, ?> classification = (Map<?, ?>) m.get("classification");
            Map<?, ?> interval = (Map<?, ?>) m.get("pass_rate_interval");
            Map<?, ?> latency = (Map<?, ?>) m.get("latency");
            String[] trained = training.getOrDefault(id, new String[] {"-", "-"});
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", id,
                    classification == null ? "-" : percent(classification.get("accuracy")),
                    percent(interval.get("lower")) + " – " + percent(interval.get("upper")),
                    classification == null ? "-" : decimal(classification.get("macro_f1")),
                    millis(latency.get("p50")), millis(latency.get("p95")), trained[0], trained[1]);
        }
        if (args.length == 3) {
            double wall = Double.parseDouble(args[2]);
            double train = trainingMillis(log) / 1000.0;
            double run = num(results.get("elapsed_ms")) / 1000.0;
            System.out.printf(Locale.ROOT, "%nWall time of the whole run: %.1f s = %.1f s training as reported above"
                    + " + %.1f s running the cases (all targets at once) + %.1f s other (JVM start, loading the "
                    + "sentence encoder, fitting a classifier after the reported training).%n",
                    wall, train, run, wall - train - run);
        }
    }

    private static long trainingMillis(List<String> lines) {
        long sum = 0;
        for (String line : lines) {
            Matcher m = TRAINED.matcher(line.strip());
            if (m.find()) {
                sum += Long.parseLong(m.group(2));
            }
        }
        return sum;
    }

    /** Training time and model size by target id, from the lines the baselines print when they are created. */
    private static Map<String, String[]> training(List<String> lines) {
        Map<String, String[]> out = new HashMap<>();
        for (String line : lines) {
            Matcher m = TRAINED.matcher(line.strip());
            if (m.find()) {
                String time = seconds(Long.parseLong(m.group(2))) + (m.group(4) == null ? "" : " (cache read)");
                out.put(m.group(1), new String[] {time, m.group(3)});
            }
        }
        return out;
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String decimal(Object value) {
        return String.format(Locale.ROOT, "%.3f", num(value));
    }

    private static String percent(Object value) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * num(value));
    }

    private static String millis(Object value) {
        double ms = num(value);
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }

    private static String seconds(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Just enough JSON for results.json: objects, arrays, strings, numbers, true, false, null. */
    private static final class Json {
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
                while (!next('}')) {
                    skip();
                    String key = string();
                    next(':');
                    map.put(key, value());
                    next(',');
                }
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                while (!next(']')) {
                    list.add(value());
                    next(',');
                }
                return list;
            }
            if (c == '"') {
                return string();
            }
            for (String word : new String[] {"true", "false", "null"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return Double.valueOf(s.substring(start, i));
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            i++; // the opening quote
            for (char c; (c = s.charAt(i++)) != '"'; ) {
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
            return out.toString();
        }

        /** Consumes {@code c} after any whitespace if it is next; says whether it was. */
        private boolean next(char c) {
            skip();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
