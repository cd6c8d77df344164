package dev.evalgate.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.evalgate.error.ConfigException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The records of a CSV file: a header row naming the columns, then one case per row, streamed by Jackson's CSV
 * parser (RFC 4180 quoting: values with commas, quotes or line breaks are quoted; CRLF or LF line ends).
 *
 * <p>Every cell is text. An empty cell in the id, expected (as named by {@link FieldNames}), {@code cluster} or
 * {@code tags} column means the field is absent, so the id is derived and nothing is expected. A row with fewer or
 * more values than the header is an error at its line. Blank lines are skipped.
 */
final class CsvRecords implements RecordSource {

    private static final CsvMapper CSV = new CsvMapper();
    private final Path file;
    private final FieldNames fieldNames;
    private final Set<String> emptyMeansAbsent;
    private final CsvParser parser;
    private final ExpectedCheck expectedCheck;
    private List<String> header;

    /** One row's values and the line where it begins. */
    private record Row(int line, List<String> values) {
    }

    CsvRecords(Path file, FieldNames names) {
        this(file, names, null);
    }

    /** @param expectedCheck applied to the header, so a missing expected column is found at line 1; may be null */
    CsvRecords(Path file, FieldNames names, ExpectedCheck expectedCheck) {
        this.expectedCheck = expectedCheck;
        this.file = file;
        this.fieldNames = names;
        this.emptyMeansAbsent = Set.of(names.id(), names.expected(), "cluster", "tags");
        try {
            this.parser = CSV.getFactory().createParser(TextFiles.open(file));
        } catch (IOException e) {
            throw TextFiles.failure(file, 0, e);
        }
        // No column schema: each row comes as an array, so the header and the column count are checked here.
        parser.setSchema(CsvSchema.emptySchema());
    }

    @Override
    public RawRecord read() {
        if (header == null) {
            Row first = nextRow();
            if (first == null) {
                return null;
            }
            header = header(first);
        }
        Row next = nextRow();
        if (next == null) {
            return null;
        }
        int line = next.line();
        List<String> row = next.values();
        if (row.size() < header.size()) {
            throw ConfigException.at(file.toString(), line, "this row has " + row.size() + " value"
                    + (row.size() == 1 ? "" : "s") + " but the header has " + header.size() + " columns ("
                    + String.join(", ", header) + "). Give every column a value (an empty one is written as nothing"
                    + " between two commas), or quote values that contain commas or line breaks.");
        }
        if (row.size() > header.size()) {
            throw ConfigException.at(file.toString(), line, "this row has " + row.size() + " values but the header "
                    + "has " + header.size() + " columns. Quote values that contain commas, e.g. \"a, b\", or name "
                    + "the extra column in the header.");
        }
        ObjectNode fields = JsonValues.MAPPER.createObjectNode();
        for (int i = 0; i < row.size(); i++) {
            String name = header.get(i);
            if (!(row.get(i).isEmpty() && emptyMeansAbsent.contains(name))) {
                fields.put(name, row.get(i));
            }
        }
        return new RawRecord(line, fields);
    }

    /** The next row that is not blank. */
    private Row nextRow() {
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return null;
                }
                List<String> row = new ArrayList<>();
                int line = 0;
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    if (row.isEmpty()) {
                        // The array token carries the previous row's position; the first value has this row's.
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    row.add(parser.getText());
                }
                boolean blank = row.isEmpty() || (row.size() == 1 && row.getFirst().isBlank());
                if (!blank) {
                    return new Row(line, row);
                }
            }
        } catch (JsonProcessingException e) {
            int open = unclosedQuoteLine(file);
            if (open > 0) {
                // the parser only notices at the end of the file; the mistake is where the quote was opened
                throw ConfigException.at(file.toString(), open, "not valid CSV: a quoted value starts on this line"
                        + " and is never closed. End it with a double quote, and write a quote inside a quoted value"
                        + " twice (\"\").");
            }
            throw ConfigException.at(file.toString(), parser.currentLocation().getLineNr(), "not valid CSV: "
                    + e.getOriginalMessage() + ". Put values with commas, quotes or line breaks in double quotes, "
                    + "and write a quote inside a quoted value twice (\"\").");
        } catch (IOException e) {
            throw TextFiles.failure(file, parser.currentLocation().getLineNr(), e);
        }
    }

    /** The line where a quoted value that never ends begins, or 0 when every quoted value is closed. */
    static int unclosedQuoteLine(Path file) {
        try (BufferedReader in = TextFiles.open(file)) {
            int line = 1;
            int opened = 0;
            boolean quoted = false;
            boolean fieldStart = true;
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    line++;
                }
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        if (in.read() != '"') { // a doubled quote is a quote inside the value
                            in.reset();
                            quoted = false;
                        }
                    }
                } else if (c == '"' && fieldStart) {
                    quoted = true;
                    opened = line;
                    fieldStart = false;
                } else if (c != '\r') {
                    fieldStart = c == ',' || c == '\n';
                }
            }
            return quoted ? opened : 0;
        } catch (IOException | ConfigException e) {
            return 0;
        }
    }

    private List<String> header(Row row) {
        int line = row.line();
        List<String> names = row.values();
        List<String> trimmed = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                throw ConfigException.at(file.toString(), line, "column " + (i + 1) + " of the header has no "
                        + "name. Give every column a name in the first row.");
            }
            if (!seen.add(name)) {
                throw ConfigException.at(file.toString(), line, "the header names column '" + name + "' twice. "
                        + "Rename one of them.");
            }
            trimmed.add(name);
        }
        String input = fieldNames.input();
        if (!seen.contains(input) && !seen.contains("messages")) { // a conversation's input is its last user turn
            throw ConfigException.at(file.toString(), line, "the header has no '" + input + "' column (it has "
                    + String.join(", ", trimmed) + "). Name the column that holds each case's input '" + input
                    + "', or say which column it is: dataset: { path: ..., input: <column> } in the suite, or"
                    + " --input-col <column> for evalgate split and export.");
        }
        if (expectedCheck != null) {
            expectedCheck.header(line, trimmed);
        }
        return trimmed;
    }

    @Override
    public void close() {
        TextFiles.closeQuietly(parser);
    }
}
