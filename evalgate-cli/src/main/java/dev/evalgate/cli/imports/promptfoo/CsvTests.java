package dev.evalgate.cli.imports.promptfoo;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.error.ConfigException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads promptfoo's CSV tests: each column is a variable, except the special ones: {@code __expected} (and
 * {@code __expected1}, {@code __expected2} …) an assertion each, {@code __description}, {@code __metadata:NAME},
 * {@code __threshold}.
 */
final class CsvTests {

    /** {@code [not-]type[(threshold)]: value}, promptfoo's short form of an assertion in a cell. */
    private static final Pattern SHORT = Pattern.compile("(?s)(not-)?([a-z][a-z-]*)(?:\\(([\\d.]+)\\))?:\\s?(.*)");

    private final Findings findings;

    CsvTests(Findings findings) {
        this.findings = findings;
    }

    List<PfTest> read(Path file) {
        String text = PfYaml.text(file);
        List<PfTest> out = new ArrayList<>();
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader reader = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
             MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (true) {
                int line = rows.getCurrentLocation() == null ? 0 : rows.getCurrentLocation().getLineNr();
                if (!rows.hasNextValue()) {
                    break;
                }
                Map<String, String> row = rows.nextValue();
                out.add(test(file.toString(), line + 1, row));
            }
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(file + ": not a CSV file promptfoo tests can come from: " + e.getMessage());
        }
        return out;
    }

    private PfTest test(String file, int line, Map<String, String> row) {
        ConfigNode where = new ConfigNode.Scalar(file, line, "row", null, false);
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        List<ConfigNode> asserts = new ArrayList<>();
        String description = null;
        Double threshold = null;
        for (var cell : row.entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue() == null ? "" : cell.getValue();
            if (column.matches("__expected\\d*")) {
                if (!value.isBlank()) {
                    asserts.add(assertion(file, line, column, value));
                }
            } else if (column.equals("__description")) {
                description = value;
            } else if (column.startsWith("__metadata:")) {
                metadata.put(column.substring("__metadata:".length()), value);
            } else if (column.equals("__threshold") && !value.isBlank()) {
                threshold = Double.valueOf(value.trim());
            } else if (column.startsWith("__")) {
                findings.skip(where, "CSV column " + column, "has no counterpart in an evalgate case");
            } else {
                vars.put(column, value);
            }
        }
        return new PfTest(where, description, vars, asserts, threshold, metadata);
    }

    /** The cell as an assertion mapping: a known {@code type:} prefix, else {@code equals} of the whole text. */
    static ConfigNode assertion(String file, int line, String column, String value) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        String path = "row." + column;
        Matcher m = SHORT.matcher(value);
        String type = "equals";
        String body = value;
        if (m.matches() && known(m.group(2))) {
            type = (m.group(1) == null ? "" : "not-") + (m.group(2).equals("grade") ? "llm-rubric"
                    : m.group(2).equals("fn") || m.group(2).equals("eval") ? "javascript" : m.group(2));
            body = m.group(4);
            if (m.group(3) != null) {
                entries.put("threshold", new ConfigNode.Scalar(file, line, path, m.group(3), false));
            }
        } else if (value.trim().matches("(not-)?(is-json|contains-json)")) {
            type = value.trim();
            body = null;
        }
        entries.put("type", new ConfigNode.Scalar(file, line, path, type, false));
        if (body != null) {
            entries.put("value", new ConfigNode.Scalar(file, line, path, body, false));
        }
        return new ConfigNode.Mapping(file, line, path, entries);
    }

    private static boolean known(String type) {
        return AssertTypes.KNOWN.contains(type) || List.of("grade", "fn", "eval").contains(type);
    }
}
