package dev.evalgate.dataset;

import java.util.Set;

/**
 * The names of the fields (CSV columns, JSON or YAML keys) that hold a case's input, expected answer and id.
 *
 * <p>Public datasets rarely call their columns {@code input} and {@code expected}; naming them here lets a file
 * such as {@code text,category} be read as it is, without rewriting it. The named fields take the place of the
 * standard ones: they are not also template variables, and a field that happens to be called {@code input} in
 * such a file is an ordinary variable (except that {@code {{input}}} is always the case's input).
 *
 * @param input    the field holding the input; {@code "input"} by default
 * @param expected the field holding the expected answer; {@code "expected"} by default
 * @param id       the field holding the case id; {@code "id"} by default
 */
public record FieldNames(String input, String expected, String id) {

    /**
     * Fields with a fixed meaning that cannot be renamed, so none of the three may take theirs. Declared before
     * {@link #DEFAULT}, whose construction checks against it.
     */
    static final Set<String> RESERVED = Set.of("tags", "metadata", "cluster");

    /** The standard names: {@code input}, {@code expected}, {@code id}. */
    public static final FieldNames DEFAULT = new FieldNames("input", "expected", "id");

    /**
     * @throws IllegalArgumentException when a name is blank, reserved ({@code tags}, {@code metadata},
     *                                  {@code cluster}) or used twice
     */
    public FieldNames {
        check("input", input);
        check("expected", expected);
        check("id", id);
        if (input.equals(expected) || input.equals(id) || expected.equals(id)) {
            throw new IllegalArgumentException("input, expected and id must name different fields, but they are '"
                    + input + "', '" + expected + "' and '" + id + "'");
        }
    }

    /** These names with the input read from {@code field}. */
    public FieldNames withInput(String field) {
        return new FieldNames(field, expected, id);
    }

    /** These names with the expected answer read from {@code field}. */
    public FieldNames withExpected(String field) {
        return new FieldNames(input, field, id);
    }

    /** These names with the id read from {@code field}. */
    public FieldNames withId(String field) {
        return new FieldNames(input, expected, field);
    }

    /** Whether {@code field} is one of the three named here. */
    boolean names(String field) {
        return field.equals(input) || field.equals(expected) || field.equals(id);
    }

    private static void check(String role, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the " + role + " field needs a name, but it is "
                    + (name == null ? "missing" : "blank"));
        }
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("the " + role + " field cannot be '" + name + "': that field has "
                    + "its own meaning (tags, metadata, cluster)");
        }
    }
}
