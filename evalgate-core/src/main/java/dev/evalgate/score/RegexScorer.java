package dev.evalgate.score;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code regex} scorer: the output must contain a match of a Java regular expression.
 *
 * <p>It uses {@link Matcher#find()}, so anchor the pattern with {@code ^...$} to require the whole output.
 * The pattern is compiled once, when the suite is read; a compiled {@link Pattern} is safe to share.
 */
record RegexScorer(Pattern pattern) implements Scorer {

    static final String ID = "regex";

    @Override
    public Score score(Case kase, String output) {
        Matcher m = pattern.matcher(output);
        if (m.find()) {
            return Score.pass(ID, "matched " + Texts.quote(m.group()));
        }
        return Score.fail(ID, "no match for /" + pattern.pattern() + "/ in " + Texts.quote(output));
    }

    /** Reads {@code value} (or its alias {@code pattern}) and {@code ignore_case}. */
    static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            boolean hasValue = options.has("value");
            boolean hasPattern = options.has("pattern");
            if (hasValue && hasPattern) {
                throw options.node("pattern").orElseThrow().error("repeats the pattern already given as 'value'; "
                        + "keep one of them");
            }
            String key = hasPattern ? "pattern" : "value";
            ConfigNode node = options.required(key, "the regular expression the output must match, e.g. "
                    + "regex: \"^[A-Z]{3}-\\\\d+$\"");
            if (!(node instanceof ConfigNode.Scalar scalar)) {
                throw node.error("must be one regular expression, but is " + node.describe());
            }
            int flags = options.bool("ignore_case").orElse(false) ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            try {
                return new RegexScorer(Pattern.compile(scalar.value(), flags));
            } catch (PatternSyntaxException e) {
                throw scalar.error("is not a valid regular expression: " + e.getDescription() + " near index "
                        + e.getIndex() + " of " + e.getPattern() + ". Fix the pattern; inside double quotes in YAML "
                        + "write \\\\d for \\d, or use single quotes.");
            }
        }
    }
}
