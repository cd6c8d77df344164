package dev.evalgate.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.error.ConfigException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The records of a JSON Lines file: one JSON object per line, read a line at a time.
 *
 * <p>Blank lines are skipped but still counted, so line numbers match the editor's. A line may be as long as
 * the JSON parser allows for one value (tens of megabytes); only that line is held in memory.
 */
final class JsonlRecords implements RecordSource {

    private static final String FIX =
            "Write one JSON object per line, e.g. {\"input\": \"2+2?\", \"expected\": \"4\"}, or remove the line.";

    private final Path file;
    private final BufferedReader reader;
    private int line;

    JsonlRecords(Path file) {
        this.file = file;
        this.reader = TextFiles.open(file);
    }

    @Override
    public RawRecord read() {
        String text;
        while ((text = nextLine()) != null) {
            if (!text.isBlank()) {
                return new RawRecord(line, parse(text));
            }
        }
        return null;
    }

    private String nextLine() {
        try {
            String text = reader.readLine();
            line++;
            return text;
        } catch (IOException e) {
            throw TextFiles.failure(file, line + 1, e);
        }
    }

    private ObjectNode parse(String text) {
        JsonNode node;
        try {
            node = JsonValues.TREE.readTree(text);
        } catch (MismatchedInputException e) {
            throw error("holds more than one JSON value. " + FIX);
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw error("not valid JSON: " + shortReason(e) + (column > 0 ? " (column " + column + ")" : "")
                    + ". " + FIX);
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw error("each line must be a JSON object, but this one is " + JsonValues.describe(node) + ". " + FIX);
    }

    /** The parser's own words, without the source location it appends (we give file and line ourselves). */
    private static String shortReason(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        int newline = reason.indexOf('\n');
        if (newline >= 0) {
            reason = reason.substring(0, newline);
        }
        int marker = reason.indexOf(" (start marker at");
        return marker >= 0 ? reason.substring(0, marker) : reason;
    }

    private ConfigException error(String message) {
        return ConfigException.at(file.toString(), line, message);
    }

    @Override
    public void close() {
        TextFiles.closeQuietly(reader);
    }
}
