package dev.evalgate.prompt;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a chatty answer into the value that is scored: a regex capture group, or a JSONPath into a JSON answer.
 *
 * <p>{@link #apply} returns empty when the answer does not contain what the transform looks for; the case then
 * fails with a reason saying so.
 */
public sealed interface OutputTransform {

    Optional<String> apply(String output);

    /** A description for reasons and reports, e.g. {@code regex /label: (\w+)/ group 1}. */
    String describe();

    OutputTransform IDENTITY = new Identity();

    /** Reads {@code transform: { regex: ..., group: 1 }} or {@code transform: { jsonpath: $.label }}. */
    static OutputTransform parse(ConfigNode node) {
        Options options = Options.of(node);
        Optional<ConfigNode.Scalar> regex = options.scalar("regex");
        Optional<ConfigNode.Scalar> jsonPath = options.scalar("jsonpath");
        Optional<Integer> groupAsked = options.integer("group", 0, 99);
        options.done();
        if (regex.isPresent() == jsonPath.isPresent()) {
            throw node.error("needs exactly one of 'regex' or 'jsonpath', e.g. transform: { regex: \"label: (\\\\w+)\" }");
        }
        if (regex.isPresent()) {
            try {
                Pattern pattern = Pattern.compile(regex.get().value(), Pattern.DOTALL);
                int groups = pattern.matcher("").groupCount();
                // Without a capture group the whole match is the value; 'group' then defaults to 0, not 1.
                int group = groupAsked.orElse(groups > 0 ? 1 : 0);
                if (group > groups) {
                    throw regex.get().error("has " + groups + " capture group(s), but 'group' asks for group " + group);
                }
                return new Regex(pattern, group);
            } catch (PatternSyntaxException e) {
                throw regex.get().error("is not a valid regular expression: " + e.getDescription());
            }
        }
        try {
            return new Json(JsonPath.compile(jsonPath.get().value()), jsonPath.get().value());
        } catch (RuntimeException e) {
            throw jsonPath.get().error("is not a valid JSONPath: " + e.getMessage());
        }
    }

    /** Scores the answer as it came. */
    record Identity() implements OutputTransform {
        @Override
        public Optional<String> apply(String output) {
            return Optional.ofNullable(output);
        }

        @Override
        public String describe() {
            return "none";
        }
    }

    /** The given capture group of the first match. */
    record Regex(Pattern pattern, int group) implements OutputTransform {
        @Override
        public Optional<String> apply(String output) {
            Matcher m = pattern.matcher(output);
            return m.find() && m.group(group) != null ? Optional.of(m.group(group)) : Optional.empty();
        }

        @Override
        public String describe() {
            return "regex /" + pattern.pattern() + "/ group " + group;
        }
    }

    /** The value at a JSONPath of an answer that is JSON; non-text values are scored as their JSON text. */
    record Json(JsonPath path, String source) implements OutputTransform {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();

        @Override
        public Optional<String> apply(String output) {
            try {
                Object value = path.read(output);
                if (value == null) {
                    return Optional.empty();
                }
                return Optional.of(value instanceof String s ? s : JSON.writeValueAsString(value));
            } catch (JsonPathException | IllegalArgumentException
                     | com.fasterxml.jackson.core.JsonProcessingException e) {
                // JsonPathException, not just its not-found and bad-JSON kinds: a filter or function applied to
                // an answer of the wrong shape throws others, and one odd answer must not stop the run.
                return Optional.empty();
            }
        }

        @Override
        public String describe() {
            return "jsonpath " + source;
        }
    }
}
