package dev.evalgate.score;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code case-asserts} scorer: each case carries its own checks, in its {@code asserts} field, instead of the
 * suite listing one set for every case (suites imported from promptfoo keep their per-test assertions this way).
 *
 * <p>Each item names a scorer kind and its options ({@code {"scorer": "contains", "options": {"value": "Paris"}}}),
 * and may add {@code expected} (the answer that scorer compares against, in place of the case's), {@code negate}
 * (PASS and FAIL swap; an ERROR stays one) and {@code weight} (default 1). Without the case field
 * {@code asserts_threshold} the case passes when every item of weight above 0 passes; with it, when the weighted
 * share of passing items reaches the threshold. A case without {@code asserts} passes with nothing to check.
 */
final class CaseAssertsScorer implements Scorer {

    static final String ID = "case-asserts";

    private final Scorers registry;
    // built once per distinct item: cases of one suite repeat the same few assertions
    private final Map<String, Scorer> built = new ConcurrentHashMap<>();

    CaseAssertsScorer(Scorers registry) {
        this.registry = registry;
    }

    @Override
    public Score score(Case kase, String output) {
        Object items = kase.vars().get("asserts");
        if (items == null) {
            return Score.pass(ID, "the case has no assertions");
        }
        if (!(items instanceof List<?> list)) {
            return Score.error(ID, "case " + kase.id() + " (" + kase.source() + "): 'asserts' must be a list");
        }
        double weighted = 0;
        double weights = 0;
        boolean allPass = true;
        List<String> reasons = new ArrayList<>();
        for (Object raw : list) {
            if (!(raw instanceof Map<?, ?> item) || !(item.get("scorer") instanceof String id)) {
                return Score.error(ID, "case " + kase.id() + " (" + kase.source() + "): every item of 'asserts' "
                        + "needs a 'scorer', e.g. {\"scorer\": \"contains\", \"options\": {\"value\": \"x\"}}");
            }
            Score one;
            try {
                one = scorer(id, item.get("options"), kase).score(withExpected(kase, item.get("expected")), output);
            } catch (ConfigException e) {
                return Score.error(ID, "case " + kase.id() + ": " + e.getMessage());
            }
            if (one.outcome() == Outcome.ERROR) {
                return Score.error(ID, one.reason());
            }
            boolean negate = Boolean.TRUE.equals(item.get("negate"));
            boolean pass = (one.outcome() == Outcome.PASS) != negate;
            double weight = item.get("weight") instanceof Number n ? n.doubleValue() : 1;
            weights += weight;
            weighted += pass ? weight : 0;
            allPass &= pass || weight == 0;
            String name = item.get("name") instanceof String s ? s : (negate ? "not " : "") + id;
            reasons.add(name + " " + (pass ? "passed" : "failed") + ": " + one.reason());
        }
        double value = weights == 0 ? 1 : weighted / weights;
        Object threshold = kase.vars().get("asserts_threshold");
        boolean pass = threshold instanceof Number t ? value >= t.doubleValue() : allPass;
        String reason = String.join("; ", reasons);
        return new Score(ID, value, pass ? Outcome.PASS : Outcome.FAIL, reason.isEmpty() ? "no assertions" : reason);
    }

    private Scorer scorer(String id, Object options, Case kase) {
        String key = id + "\u0000" + options;
        return built.computeIfAbsent(key, k -> {
            ConfigNode node = options == null ? ConfigNode.Mapping.empty(kase.source(), 0, "asserts." + id)
                    : CaseNodes.of(options, kase.source(), "asserts." + id);
            if (!(node instanceof ConfigNode.Mapping mapping)) {
                throw ConfigException.at(kase.source(), 0, "the options of '" + id + "' must be a mapping");
            }
            Options reader = new Options(mapping);
            Scorer scorer = registry.get(id, node).create(reader);
            reader.done();
            return scorer;
        });
    }

    private static Case withExpected(Case kase, Object expected) {
        if (expected == null) {
            return kase;
        }
        Expected value = expected instanceof List<?> list
                ? Expected.anyOf(list.stream().map(String::valueOf).toList()) : Expected.text(String.valueOf(expected));
        return new Case(kase.id(), kase.vars(), value, kase.tags(), kase.cluster(), kase.source());
    }

    /** Reads no options: the checks come from each case. */
    static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            return new CaseAssertsScorer(Scorers.builtIn());
        }
    }
}
