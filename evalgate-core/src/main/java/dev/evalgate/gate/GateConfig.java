package dev.evalgate.gate;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A suite's {@code gate:} section: absolute budgets, margins against a baseline, and what INCONCLUSIVE means.
 *
 * <pre>
 * gate:
 *   absolute: { pass_rate: "&gt;= 0.85", p95_latency_ms: "&lt;= 800", cost_per_request_usd: "&lt;= 0.002", error_rate: "&lt;= 0.05",
 *               ttft_p95_ms: "&lt;= 500" }
 *   baseline: { pass_rate: { margin: 0.05 }, p95_latency_ms: { margin: "10%" }, cost_per_request_usd: { margin: "10%" } }
 *   # a judged pass rate: one limit for every judge scorer, or { faithful: "&gt;= 0.9", tone: "&gt;= 0.7" }; its
 *   # margin (judged_pass_rate: { margin: 0.05 }) is decided on each judge scorer's corrected change
 *   inconclusive: warn          # or fail
 *   targets: [mini]             # which targets are gated; default all
 * </pre>
 *
 * @param inconclusiveFails true when an INCONCLUSIVE verdict should fail the build like a FAIL
 * @param targets           the gated targets; empty for all
 */
public record GateConfig(List<Budget> budgets, List<MarginSpec> margins, boolean inconclusiveFails,
                         List<String> targets) {

    /** The measures a gate knows, by their config key. */
    public enum Measure {
        PASS_RATE("pass_rate", "pass rate", Bound.MINIMUM),
        P95_LATENCY_MS("p95_latency_ms", "p95 latency ms", Bound.MAXIMUM),
        COST_PER_REQUEST_USD("cost_per_request_usd", "cost per request usd", Bound.MAXIMUM),
        ERROR_RATE("error_rate", "error rate", Bound.MAXIMUM),
        /** The share of outputs a model judge passed, corrected for the judge's measured error when calibrated. */
        JUDGED_PASS_RATE("judged_pass_rate", "judged pass rate", Bound.MINIMUM),
        /** p95 time to first token of streamed calls. */
        TTFT_P95_MS("ttft_p95_ms", "ttft p95 ms", Bound.MAXIMUM);

        private final String key;
        private final String words;
        private final Bound bound;

        Measure(String key, String words, Bound bound) {
            this.key = key;
            this.words = words;
            this.bound = bound;
        }

        public String key() {
            return key;
        }

        /** How the measure reads in a verdict line. */
        public String words() {
            return words;
        }

        public Bound bound() {
            return bound;
        }
    }

    /**
     * An absolute budget such as {@code pass_rate: ">= 0.85"}.
     *
     * @param scorer for a judged pass rate, the judge scorer it is about ({@code judged_pass_rate: {tone: ">= 0.8"}});
     *               null for every judge scorer, and for other measures
     */
    public record Budget(Measure measure, double limit, String scorer) {

        public Budget(Measure measure, double limit) {
            this(measure, limit, null);
        }
    }

    /**
     * A margin against the baseline: {@code absolute} for rates (0.05 = 5 points), {@code relative} for latency and
     * cost ratios (0.10 = 10% worse).
     */
    public record MarginSpec(Measure measure, double margin) {
    }

    public static final GateConfig NONE = new GateConfig(List.of(), List.of(), false, List.of());

    private static final Pattern BUDGET = Pattern.compile("(>=|<=)?\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)");
    private static final Pattern MARGIN = Pattern.compile("([0-9]*\\.?[0-9]+)\\s*(%)?");

    public GateConfig {
        budgets = List.copyOf(budgets);
        margins = List.copyOf(margins);
        targets = List.copyOf(targets);
    }

    public boolean isEmpty() {
        return budgets.isEmpty() && margins.isEmpty();
    }

    /**
     * The {@code gate:} section of a whole suite config (a suite file, or a run's stored snapshot of one);
     * {@link #NONE} when it has none. The ids under {@code gate.targets} must be ids of the suite's targets.
     */
    public static GateConfig ofSuite(ConfigNode root) {
        if (!(root instanceof ConfigNode.Mapping top)) {
            throw root.error("is not a suite: a mapping of suite, dataset, targets, scorers and gate");
        }
        ConfigNode node = top.entries().get("gate");
        GateConfig gate = parse(node);
        GatedTargets.check(node, top.entries().get("targets"));
        return gate;
    }

    /** Reads the {@code gate:} node; null, absent or empty ({@code gate:} with nothing) gives {@link #NONE}. */
    public static GateConfig parse(ConfigNode node) {
        if (node == null || node instanceof ConfigNode.Scalar s && s.isNull()) {
            return NONE;
        }
        Options gate = Options.of(node);
        List<Budget> budgets = new ArrayList<>();
        gate.node("absolute").ifPresent(n -> {
            Options absolute = Options.of(n);
            noEmptyValues(absolute.node(), "a limit such as \">= 0.85\"");
            for (Measure m : Measure.values()) {
                if (m == Measure.JUDGED_PASS_RATE) {
                    absolute.node(m.key()).ifPresent(spec -> budgets.addAll(judgedBudgets(spec)));
                } else {
                    absolute.scalar(m.key()).ifPresent(s -> budgets.add(new Budget(m, budget(s, m))));
                }
            }
            absolute.done();
        });
        List<MarginSpec> margins = new ArrayList<>();
        gate.node("baseline").ifPresent(n -> {
            Options baseline = Options.of(n);
            noEmptyValues(baseline.node(), "a margin such as { margin: 0.05 }");
            for (Measure m : Measure.values()) {
                baseline.node(m.key()).ifPresent(spec -> margins.add(new MarginSpec(m, margin(spec, m))));
            }
            baseline.done();
        });
        boolean fails = gate.string("inconclusive").map(v -> switch (v.trim()) {
            case "fail" -> true;
            case "warn" -> false;
            default -> throw gate.node("inconclusive").orElseThrow()
                    .error("must be 'fail' or 'warn', but is '" + v + "'");
        }).orElse(false);
        List<String> targets = gate.strings("targets");
        gate.done();
        return new GateConfig(budgets, margins, fails, targets);
    }

    /**
     * {@code judged_pass_rate: ">= 0.8"} holds every judge scorer to the limit; a mapping of judge scorer names to
     * limits ({@code {faithful: ">= 0.9", tone: ">= 0.7"}}) holds each named one to its own.
     */
    private static List<Budget> judgedBudgets(ConfigNode spec) {
        Measure m = Measure.JUDGED_PASS_RATE;
        if (spec instanceof ConfigNode.Scalar s) {
            return List.of(new Budget(m, budget(s, m)));
        }
        if (!(spec instanceof ConfigNode.Mapping byScorer) || byScorer.entries().isEmpty()) {
            throw spec.error("must be a limit such as \">= 0.85\" for every judge scorer, or a mapping of judge"
                    + " scorer names to limits such as { faithful: \">= 0.9\", tone: \">= 0.7\" }");
        }
        List<Budget> budgets = new ArrayList<>();
        byScorer.entries().forEach((scorer, value) -> {
            if (!(value instanceof ConfigNode.Scalar s) || s.isNull()) {
                throw value.error("must be a limit such as \">= 0.85\" for judge scorer '" + scorer + "'");
            }
            budgets.add(new Budget(m, budget(s, m), scorer));
        });
        return budgets;
    }

    /** A measure written with no value would silently not be gated: it needs a value or no key at all. */
    private static void noEmptyValues(ConfigNode.Mapping section, String example) {
        section.entries().values().forEach(value -> {
            if (value instanceof ConfigNode.Scalar s && s.isNull()) {
                throw value.error("has no value; give " + example + ", or remove the key");
            }
        });
    }

    private static double budget(ConfigNode.Scalar s, Measure m) {
        Matcher matcher = BUDGET.matcher(s.value().trim());
        String expected = m.bound() == Bound.MINIMUM ? ">=" : "<=";
        if (!matcher.matches()) {
            throw s.error("must be a limit such as \"" + expected + " " + example(m) + "\", but is '" + s.value() + "'");
        }
        if (matcher.group(1) != null && !matcher.group(1).equals(expected)) {
            throw s.error("is a " + m.bound().word() + ", so it must be written \"" + expected + " "
                    + matcher.group(2) + "\"");
        }
        double limit = Double.parseDouble(matcher.group(2));
        if (rate(m) && limit > 1) {
            throw s.error("is a rate between 0 and 1, so a limit of " + matcher.group(2) + " can never be met; write"
                    + " e.g. \"" + expected + " " + example(m) + "\"");
        }
        return limit;
    }

    private static double margin(ConfigNode spec, Measure m) {
        Optional<ConfigNode.Scalar> value;
        if (spec instanceof ConfigNode.Mapping) {
            Options o = Options.of(spec);
            value = o.scalar("margin");
            o.done();
        } else if (spec instanceof ConfigNode.Scalar scalar) {
            value = Optional.of(scalar);
        } else {
            throw spec.error("must be a margin such as { margin: " + (relative(m) ? "\"10%\"" : "0.05") + " }, but is "
                    + spec.describe());
        }
        ConfigNode.Scalar s = value.orElseThrow(() -> spec.error("needs a margin, e.g. { margin: "
                + (relative(m) ? "\"10%\"" : "0.05") + " }"));
        Matcher matcher = MARGIN.matcher(s.value().trim());
        if (!matcher.matches()) {
            throw s.error("must be a margin such as " + (relative(m) ? "\"10%\"" : "0.05") + ", but is '"
                    + s.value() + "'");
        }
        double amount = Double.parseDouble(matcher.group(1)) / (matcher.group(2) != null ? 100 : 1);
        if (!(amount > 0)) {
            throw s.error("must be greater than 0");
        }
        if (rate(m) && amount > 1) {
            throw s.error("is a change of a rate between 0 and 1, so it must be at most 1 (0.05 is 5 points),"
                    + " but is '" + s.value() + "'");
        }
        return amount;
    }

    /** Latency and cost margins are relative to the baseline; rate margins are absolute differences. */
    public static boolean relative(Measure m) {
        return m == Measure.P95_LATENCY_MS || m == Measure.COST_PER_REQUEST_USD || m == Measure.TTFT_P95_MS;
    }

    private static boolean rate(Measure m) {
        return m == Measure.PASS_RATE || m == Measure.ERROR_RATE || m == Measure.JUDGED_PASS_RATE;
    }

    private static String example(Measure m) {
        return switch (m) {
            case PASS_RATE, JUDGED_PASS_RATE -> "0.85";
            case P95_LATENCY_MS -> "800";
            case COST_PER_REQUEST_USD -> "0.002";
            case ERROR_RATE -> "0.05";
            case TTFT_P95_MS -> "500";
        };
    }
}
