package dev.evalgate.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Interpolator;
import dev.evalgate.config.YamlTree;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;

import java.util.List;
import java.util.Map;

/** Builds scorers from suite YAML and cases from expected answers, as the runner would. */
final class ScorerFixtures {

    private ScorerFixtures() {
    }

    /** The scorers of a {@code scorers:} block written as YAML list items, e.g. {@code "- equals"}. */
    static List<ConfiguredScorer> parse(String file, String items) {
        ConfigNode root = YamlTree.parse(file, "scorers:\n" + items.indent(2), Interpolator.of(Map.of()));
        ConfigNode scorers = ((ConfigNode.Mapping) root).entries().get("scorers");
        return ScorerSpecs.parse(scorers, Scorers.builtIn());
    }

    /** The one scorer of a single YAML list item such as {@code "- contains: refund"}. */
    static Scorer scorer(String item) {
        return parse("suite.yaml", item).getFirst().scorer();
    }

    static Case expecting(String answer) {
        return new Case("c1", Map.of("input", "q"), Expected.text(answer), Map.of(), null, "cases.jsonl:3");
    }

    static Case expectingAnyOf(String... answers) {
        return new Case("c1", Map.of("input", "q"), Expected.anyOf(List.of(answers)), Map.of(), null, "cases.jsonl:3");
    }

    static Case expectingJson(String json) {
        try {
            return new Case("c1", Map.of("input", "q"), Expected.json(new ObjectMapper().readTree(json)), Map.of(),
                    null, "cases.jsonl:3");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Case expectingNothing() {
        return new Case("c1", Map.of("input", "q"), Expected.none(), Map.of(), null, "cases.jsonl:3");
    }
}
