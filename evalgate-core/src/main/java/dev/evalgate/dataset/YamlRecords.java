package dev.evalgate.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.evalgate.error.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The records of a YAML file: a top-level list of case mappings, or a mapping whose only key {@code cases:}
 * holds that list.
 *
 * <p>The file is streamed event by event, so it is not parsed whole even though YAML datasets are usually
 * small; each case mapping is built in memory on its own. Anchors and aliases are not resolved: write each case
 * out in full. A case's line is the line of its first key.
 */
final class YamlRecords implements RecordSource {

    private static final String SHAPE = "A YAML dataset is a list of cases (- input: ...), or a mapping whose only "
            + "key is 'cases:' holding that list.";
    private static final YAMLFactory YAML = yamlFactory();

    private final Path file;
    private final JsonParser parser;
    private boolean underCasesKey;
    private boolean started;

    YamlRecords(Path file) {
        this.file = file;
        try {
            this.parser = YAML.createParser(TextFiles.open(file));
        } catch (IOException e) {
            throw TextFiles.failure(file, 0, e);
        }
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML caps a document at 3 MB by default; a dataset may be larger and is streamed anyway.
        options.setCodePointLimit(Integer.MAX_VALUE);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        factory.setCodec(JsonValues.MAPPER);
        return factory;
    }

    @Override
    public RawRecord read() {
        try {
            if (!started) {
                started = true;
                if (!openList()) {
                    return null;
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                if (underCasesKey) {
                    finishMapping();
                }
                return null;
            }
            int line = line();
            if (token != JsonToken.START_OBJECT) {
                JsonNode item = JsonValues.MAPPER.readTree(parser);
                throw ConfigException.at(file.toString(), line, "each case must be a mapping with at least "
                        + "'input', but this item is " + JsonValues.describe(item) + ". " + SHAPE);
            }
            return new RawRecord(line, (ObjectNode) JsonValues.MAPPER.readTree(parser));
        } catch (JsonProcessingException e) {
            throw notYaml(e);
        } catch (IOException e) {
            throw TextFiles.failure(file, line(), e);
        }
    }

    /** Moves to the start of the list of cases; false when the file holds no list at all (an empty file). */
    private boolean openList() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return false;
        }
        if (token == JsonToken.START_ARRAY) {
            return true;
        }
        if (token != JsonToken.START_OBJECT) {
            throw ConfigException.at(file.toString(), line(), "the file holds a single value, not cases. " + SHAPE);
        }
        underCasesKey = true;
        if (parser.nextToken() == JsonToken.END_OBJECT) {
            return false;
        }
        requireCasesKey();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.VALUE_NULL) {
            finishMapping();
            return false;
        }
        if (value != JsonToken.START_ARRAY) {
            throw ConfigException.at(file.toString(), line(), "key 'cases' must hold a list of cases. " + SHAPE);
        }
        return true;
    }

    private void finishMapping() throws IOException {
        if (parser.nextToken() == JsonToken.FIELD_NAME) {
            requireCasesKey();
            throw ConfigException.at(file.toString(), line(), "key 'cases' appears twice; keep one list.");
        }
    }

    private void requireCasesKey() throws IOException {
        String name = parser.currentName();
        if (!"cases".equals(name)) {
            throw ConfigException.at(file.toString(), line(), "unknown top-level key '" + name + "'. " + SHAPE);
        }
    }

    private int line() {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    private ConfigException notYaml(JsonProcessingException e) {
        int line = e.getLocation() == null ? line() : e.getLocation().getLineNr();
        String reason = e.getOriginalMessage();
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            // SnakeYAML's own message starts with the context ("while parsing a block collection"); the
            // problem ("expected <block end>, but found '-'") and its mark are what the user needs.
            reason = yaml.getProblem();
            line = yaml.getProblemMark() == null ? line : yaml.getProblemMark().getLine() + 1;
        }
        int newline = reason.indexOf('\n');
        return ConfigException.at(file.toString(), Math.max(0, line), "not valid YAML: "
                + (newline >= 0 ? reason.substring(0, newline) : reason)
                + ". Check the indentation and quoting on this line.");
    }

    @Override
    public void close() {
        TextFiles.closeQuietly(parser);
    }
}
