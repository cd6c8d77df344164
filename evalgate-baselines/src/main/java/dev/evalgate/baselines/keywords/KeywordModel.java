package dev.evalgate.baselines.keywords;

import dev.evalgate.baselines.Tokens;

import java.io.Serial;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Readable keyword rules, one list per label: a text goes to the label whose matched keywords weigh most.
 *
 * @param rules    per label, its keywords with their weights, strongest first; labels in alphabetical order
 * @param fallback the label for a text that matches no keyword: the majority label
 */
public record KeywordModel(List<Rule> rules, String fallback) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public KeywordModel {
        rules = List.copyOf(rules);
    }

    /** One label's keywords. */
    public record Rule(String label, List<Keyword> keywords) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Rule {
            keywords = List.copyOf(keywords);
        }

        /** {@code label: kw1 (2.31), kw2 (1.97)}; a label that earned no keyword says so. */
        public String line() {
            if (keywords.isEmpty()) {
                return label + ": (no keywords)";
            }
            return label + ": " + keywords.stream()
                    .map(k -> String.format(Locale.ROOT, "%s (%.2f)", k.word(), k.weight()))
                    .collect(Collectors.joining(", "));
        }
    }

    /** A keyword and its smoothed log-odds weight for its label. */
    public record Keyword(String word, double weight) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** The label whose matched keyword weights sum highest; ties go to the alphabetically first label. */
    public String predict(String text) {
        Set<String> words = new HashSet<>(Tokens.content(text));
        String best = fallback;
        double bestScore = 0;
        for (Rule rule : rules) {
            double score = 0;
            for (Keyword keyword : rule.keywords()) {
                if (words.contains(keyword.word())) {
                    score += keyword.weight();
                }
            }
            if (score > bestScore) {
                best = rule.label();
                bestScore = score;
            }
        }
        return best;
    }

    /** Every rule, one line per label. */
    public String rulesText() {
        return rules.stream().map(Rule::line).collect(Collectors.joining("\n"));
    }
}
