package dev.evalgate.dataset;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** What a correct answer to a case looks like: nothing, one text, any of several texts, or a JSON value. */
public sealed interface Expected {

    /** The accepted answers as text; empty when nothing is expected; a JSON value gives its compact form. */
    List<String> answers();

    /** The first accepted answer, the one shown in reports as "expected"; empty text when none. */
    default String primary() {
        List<String> answers = answers();
        return answers.isEmpty() ? "" : answers.getFirst();
    }

    static Expected none() {
        return None.INSTANCE;
    }

    static Expected text(String value) {
        return new Text(value);
    }

    static Expected anyOf(List<String> values) {
        return new AnyOf(List.copyOf(values));
    }

    static Expected json(JsonNode value) {
        return new Json(value);
    }

    /** The case states no expectation (scorers like json-valid or not-contains need none). */
    enum None implements Expected {
        INSTANCE;

        @Override
        public List<String> answers() {
            return List.of();
        }
    }

    record Text(String value) implements Expected {
        @Override
        public List<String> answers() {
            return List.of(value);
        }
    }

    record AnyOf(List<String> values) implements Expected {
        @Override
        public List<String> answers() {
            return values;
        }
    }

    record Json(JsonNode value) implements Expected {
        @Override
        public List<String> answers() {
            return List.of(value.isTextual() ? value.asText() : value.toString());
        }
    }
}
