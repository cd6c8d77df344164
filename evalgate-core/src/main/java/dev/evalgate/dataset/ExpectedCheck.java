package dev.evalgate.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.error.ConfigException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule that every case has an expected answer, applied while a dataset is read when a scorer compares against
 * one. It turns a missing column into one error at the header, before any target is called, instead of an ERROR
 * per case after each call.
 *
 * @param scorers the ids of the scorers that need the answer, named in messages; not empty
 */
record ExpectedCheck(Path file, FieldNames names, List<String> scorers) {

    ExpectedCheck {
        scorers = List.copyOf(scorers);
    }

    /** {@code scorer 'equals' needs} or {@code scorers 'equals' and 'numeric' need}. */
    private String neededBy() {
        List<String> quoted = scorers.stream().map(id -> "'" + id + "'").toList();
        return quoted.size() == 1 ? "scorer " + quoted.getFirst() + " needs"
                : "scorers " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.getLast()
                + " need";
    }

    /** A CSV header without the expected column. */
    void header(int line, List<String> columns) {
        if (columns.contains(names.expected())) {
            return;
        }
        throw ConfigException.at(file.toString(), line, neededBy() + " an expected answer, but " + file
                + " has no column '" + names.expected() + "' (columns: " + String.join(", ", columns) + "); "
                + mapping(columns));
    }

    /** A record whose case came out with no expected answer. */
    void record(RawRecord record, Case kase, boolean csv) {
        if (!(kase.expected() instanceof Expected.None)) {
            return;
        }
        String field = names.expected();
        if (csv) {
            throw ConfigException.at(file.toString(), record.line(), neededBy() + " an expected answer, but "
                    + "this row's '" + field + "' cell is empty. Fill it in, or remove the row.");
        }
        List<String> fields = new ArrayList<>();
        record.fields().fieldNames().forEachRemaining(fields::add);
        JsonNode value = record.fields().get(field);
        String found = value == null ? "has no '" + field + "' field (fields: " + String.join(", ", fields) + ")"
                : "has '" + field + "': null";
        throw ConfigException.at(file.toString(), record.line(), neededBy() + " an expected answer, but this "
                + "case " + found + ". Add it, or " + mapping(fields));
    }

    /** How to name the field that holds the answer, guessing it when exactly one other field is left. */
    private String mapping(List<String> fields) {
        List<String> others = fields.stream()
                .filter(f -> !f.equals(names.input()) && !f.equals(names.id()) && !FieldNames.RESERVED.contains(f))
                .toList();
        String column = others.size() == 1 ? others.getFirst() : "<column>";
        return "map the one that holds it with dataset: { path: " + file.getFileName() + ", input: " + names.input()
                + ", expected: " + column + " }";
    }
}
