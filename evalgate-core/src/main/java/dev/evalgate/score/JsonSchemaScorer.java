package dev.evalgate.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code json-schema} scorer: the output must be JSON that satisfies a JSON Schema.
 *
 * <p>The schema is {@code schema:} (an inline mapping, or a scalar holding JSON text) or {@code schema_file:}
 * (a {@code .json} or {@code .yaml} file; a relative path resolves against the suite file's folder). Draft
 * 2020-12 applies unless the schema names another in {@code $schema}. The schema is compiled once; remote
 * {@code $ref}s are not fetched, so scoring works offline.
 */
record JsonSchemaScorer(Schema schema, boolean extract) implements Scorer {

    static final String ID = "json-schema";

    /** Reasons name this many violations; the rest are counted. */
    private static final int SHOWN = 3;

    @Override
    public Score score(Case kase, String output) {
        if (extract) {
            List<JsonNode> found = JsonText.embeddedObjects(output);
            for (JsonNode candidate : found) {
                if (schema.validate(candidate).isEmpty()) {
                    return Score.pass(ID, "output holds a JSON object that matches the schema");
                }
            }
            return Score.fail(ID, found.isEmpty() ? "no JSON object found in " + Texts.quote(output)
                    : found.size() + " JSON object(s) found, none matches the schema");
        }
        JsonNode json;
        try {
            json = output.isBlank() ? null : JsonText.parse(output);
        } catch (JsonProcessingException e) {
            return Score.fail(ID, "output is not valid JSON: " + JsonText.describe(e));
        }
        if (json == null) {
            return Score.fail(ID, "output is empty, not JSON");
        }
        List<Error> errors = schema.validate(json);
        if (errors.isEmpty()) {
            return Score.pass(ID, "output matches the schema");
        }
        StringBuilder reason = new StringBuilder(errors.size() == 1 ? "1 schema violation: "
                : errors.size() + " schema violations: ");
        for (int i = 0; i < Math.min(SHOWN, errors.size()); i++) {
            reason.append(i == 0 ? "" : "; ").append(describe(errors.get(i)));
        }
        if (errors.size() > SHOWN) {
            reason.append("; and ").append(errors.size() - SHOWN).append(" more");
        }
        return Score.fail(ID, reason.toString());
    }

    /** {@code /priority: must have a maximum value of 3}; the document itself is {@code (root)}. */
    private static String describe(Error error) {
        String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return (at.isEmpty() ? "(root)" : at) + ": " + error.getMessage();
    }

    static final class Kind implements ScorerKind {

        /** Built on first use: merely listing the built-ins must not load the validator (or its logging). */
        private static final class Registry {
            static final SchemaRegistry INSTANCE =
                    SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            boolean inline = options.has("schema");
            boolean file = options.has("schema_file");
            if (inline == file) {
                throw options.node().error(inline
                        ? "gives both 'schema' and 'schema_file'; keep one"
                        : "needs a JSON Schema: 'schema:' with the schema inline, or "
                                + "'schema_file: schemas/answer.json'");
            }
            ConfigNode where = options.node(inline ? "schema" : "schema_file").orElseThrow();
            JsonNode schemaJson = inline ? inline(where) : fromFile(where);
            try {
                Schema schema = Registry.INSTANCE.getSchema(schemaJson);
                schema.initializeValidators();
                return new JsonSchemaScorer(schema, options.bool("extract").orElse(false));
            } catch (SchemaException | IllegalArgumentException e) {
                throw where.error("is not a usable JSON Schema: " + e.getMessage());
            }
        }

        private static JsonNode inline(ConfigNode node) {
            if (node instanceof ConfigNode.Scalar s) {
                try {
                    return JsonText.MAPPER.readTree(s.value());
                } catch (JsonProcessingException e) {
                    throw node.error("must be a mapping or JSON text of a schema, but its JSON is broken: "
                            + JsonText.describe(e));
                }
            }
            return JsonText.fromConfig(node);
        }

        private static JsonNode fromFile(ConfigNode node) {
            if (!(node instanceof ConfigNode.Scalar s)) {
                throw node.error("must be a file path, but is " + node.describe());
            }
            Path path = resolve(node.file(), s.value());
            String name = path.getFileName().toString().toLowerCase();
            ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : JsonText.MAPPER;
            try {
                return mapper.readTree(Files.readString(path));
            } catch (NoSuchFileException e) {
                throw node.error("names " + path + ", which does not exist. Relative paths resolve against the "
                        + "folder of the suite file.");
            } catch (JsonProcessingException e) {
                String format = mapper == JsonText.MAPPER ? "JSON" : "YAML";
                throw node.error("names " + path + ", which is not valid " + format + ": " + JsonText.describe(e));
            } catch (IOException e) {
                throw node.error("names " + path + ", which cannot be read: " + e.getMessage());
            }
        }

        /** Absolute paths stay; relative ones resolve against the folder of the file the option was read from. */
        static Path resolve(String suiteFile, String path) {
            Path p = Path.of(path);
            if (p.isAbsolute()) {
                return p;
            }
            Path folder = Path.of(suiteFile).toAbsolutePath().getParent();
            return folder == null ? p.toAbsolutePath() : folder.resolve(p).normalize();
        }
    }
}
