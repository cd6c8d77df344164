package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The file formats a dataset can be written in, each chosen by its file extension. */
enum DatasetFormat {
    JSONL(List.of(".jsonl", ".ndjson"),
            "Add one JSON object per line, e.g. {\"input\": \"2+2?\", \"expected\": \"4\"}."),
    CSV(List.of(".csv"),
            "Add a header row with an 'input' column, then one row per case, e.g. input,expected / 2+2?,4."),
    YAML(List.of(".yaml", ".yml"),
            "Write a list of cases, e.g. - {input: \"2+2?\", expected: \"4\"}.");

    private final List<String> extensions;
    private final String example;

    DatasetFormat(List<String> extensions, String example) {
        this.extensions = extensions;
        this.example = example;
    }

    /** How to write a first case in this format, the fix for an empty file. */
    String example() {
        return example;
    }

    RecordSource open(Path file) {
        return open(file, FieldNames.DEFAULT);
    }

    RecordSource open(Path file, FieldNames names) {
        return open(file, names, null);
    }

    /** @param expectedCheck checked against a CSV header as soon as it is read; null when no answer is needed */
    RecordSource open(Path file, FieldNames names, ExpectedCheck expectedCheck) {
        return switch (this) {
            case JSONL -> new JsonlRecords(file);
            case CSV -> new CsvRecords(file, names, expectedCheck);
            case YAML -> new YamlRecords(file);
        };
    }

    static DatasetFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (DatasetFormat format : values()) {
            for (String extension : format.extensions) {
                if (name.endsWith(extension)) {
                    return format;
                }
            }
        }
        int dot = name.lastIndexOf('.');
        String found = dot < 0 ? "no extension" : "extension '" + name.substring(dot) + "'";
        throw ConfigException.at(file.toString(), 0, "a dataset file must end in .jsonl, .ndjson, .csv, .yaml "
                + "or .yml, but this one has " + found + ". Rename the file to the extension of its format.");
    }
}
