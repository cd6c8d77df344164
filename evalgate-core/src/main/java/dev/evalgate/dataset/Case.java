package dev.evalgate.dataset;

import java.util.Map;
import java.util.Objects;

/**
 * One test case: what goes into the target and what should come out.
 *
 * @param id       stable identity used to pair cases across runs; derived from the content when the file has none
 * @param vars     template variables; always holds {@code input} (the input text, or the input object as JSON)
 *                 plus each field of an object input and each extra column of the row
 * @param expected what a correct answer looks like
 * @param tags     slice keys and values, e.g. {@code channel=email}; a bare tag {@code urgent} is {@code urgent=true}
 * @param cluster  cases sharing a cluster are not independent (same source document, same conversation); may be null
 * @param source   where the case came from, {@code file:line}, for error messages
 */
public record Case(String id, Map<String, Object> vars, Expected expected, Map<String, String> tags, String cluster,
                   String source) {

    public Case {
        Objects.requireNonNull(id, "id");
        vars = Map.copyOf(vars);
        expected = expected == null ? Expected.none() : expected;
        tags = Map.copyOf(tags);
    }

    /** A case with a text input, used by tests and the Java API. */
    public static Case of(String id, String input, Expected expected) {
        return new Case(id, Map.of("input", input), expected, Map.of(), null, id);
    }

    /** The input as text: the string input, or the input object rendered as JSON. */
    public String input() {
        Object input = vars.get("input");
        return input == null ? "" : input.toString();
    }
}
