package dev.evalgate.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numeric options given after the benchmark name, e.g. {@code --cases 200000 --rounds 5}.
 *
 * <p>Under {@code all} the same options reach every benchmark, so leave them out there to get each one's defaults.
 */
record BenchArgs(Map<String, Long> values) {

    private static final Set<String> KNOWN = Set.of("cases", "rounds", "warmup", "concurrency", "delay-ms", "seconds",
            "timeout-ms");

    BenchArgs {
        values = Map.copyOf(values);
    }

    static BenchArgs parse(List<String> args) {
        Map<String, Long> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected an option such as --cases 1000, but got '" + arg + "'");
            }
            String key = arg.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            }
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown option '--" + key + "'; known: --" + String.join(", --",
                        KNOWN.stream().sorted().toList()));
            }
            values.put(key, number(key, value));
        }
        return new BenchArgs(values);
    }

    private static long number(String key, String value) {
        try {
            long parsed = Long.parseLong(value == null ? "" : value.replace("_", "").replace(",", ""));
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " needs a whole number >= 0, but got '" + value + "'");
        }
    }

    long get(String key, long fallback) {
        return values.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback) {
        return Math.toIntExact(get(key, fallback));
    }
}
