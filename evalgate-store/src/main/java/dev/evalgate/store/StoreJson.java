package dev.evalgate.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Grading;
import dev.evalgate.score.Score;
import dev.evalgate.target.TokenUsage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of what the store keeps as text: metrics, scores, string lists and tag maps.
 */
final class StoreJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Interval.isEmpty() and the like are derived values, not data to keep.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .addModule(new SimpleModule("evalgate-store")
                    .addSerializer(Double.class, new NanAsNull())
                    .addSerializer(double.class, new NanAsNull()))
            .build();
    // Readers are immutable and resolve their type once; ObjectMapper.readValue would look it up on every call.
    private static final ObjectReader STRINGS = MAPPER.readerFor(new TypeReference<List<String>>() { });
    private static final ObjectReader TAGS = MAPPER.readerFor(new TypeReference<Map<String, String>>() { });

    private StoreJson() {
    }

    /** A target's metrics; NaN ("no data") becomes null, so any JSON reader can load it. */
    static String metrics(TargetMetrics metrics) {
        return write(metrics);
    }

    static String scores(List<Score> scores) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Score score : scores) {
            ObjectNode node = array.addObject();
            node.put("scorer", score.scorer());
            node.put("value", score.value());
            node.put("outcome", score.outcome().name());
            node.put("reason", score.reason());
            if (score.grading() != null) {
                grading(node.putObject("grading"), score.grading());
            }
        }
        return array.toString();
    }

    /** The scores {@link #scores} wrote, read token by token: this runs for every sample a full read returns. */
    static List<Score> readScores(String json) {
        if (json == null || json.equals("[]")) {
            return List.of();
        }
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("scores must be a JSON array, but are: " + json);
            }
            List<Score> scores = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String scorer = "";
                double value = 0;
                String outcome = "";
                String reason = ""; // as an absent key always read
                Grading grading = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken token = parser.nextToken();
                    switch (field) {
                        case "scorer" -> scorer = parser.getValueAsString("");
                        case "value" -> value = parser.getValueAsDouble(0);
                        case "outcome" -> outcome = parser.getValueAsString("");
                        case "reason" -> reason = token == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                        case "grading" -> grading = readGrading(MAPPER.readTree(parser));
                        default -> parser.skipChildren();
                    }
                }
                scores.add(new Score(scorer, value, Outcome.valueOf(outcome), reason, grading));
            }
            return scores;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A judge's spend on one score: votes, live calls, cached votes, tokens, cost and latency. */
    private static void grading(ObjectNode node, Grading g) {
        ArrayNode votes = node.putArray("votes");
        g.votes().forEach(v -> votes.add(v.name()));
        node.put("calls", g.calls());
        node.put("cachedVotes", g.cachedVotes());
        if (g.usage() != null) {
            node.put("inputTokens", g.usage().input());
            node.put("outputTokens", g.usage().output());
        }
        if (g.costUsd() != null) {
            node.put("costUsd", g.costUsd());
        }
        node.put("latencyMs", g.latencyMs());
    }

    private static Grading readGrading(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        List<Outcome> votes = new ArrayList<>();
        node.path("votes").forEach(v -> votes.add(Outcome.valueOf(v.asText())));
        TokenUsage usage = node.has("inputTokens")
                ? new TokenUsage(node.path("inputTokens").asLong(), node.path("outputTokens").asLong()) : null;
        Double cost = node.path("costUsd").isNumber() ? node.path("costUsd").doubleValue() : null;
        return new Grading(votes, node.path("calls").asInt(), node.path("cachedVotes").asInt(), usage, cost,
                node.path("latencyMs").asDouble());
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> readStrings(String json) {
        if (json == null) {
            return List.of();
        }
        // This runs for every stored sample. Most cases have one answer without escapes, ["..."], cut out as is;
        // the rest are read token by token, which costs a fraction of a data-binding read of the same short array.
        if (isOneUnescapedString(json)) {
            return List.of(json.substring(2, json.length() - 2));
        }
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return convert(json, STRINGS); // not a list: let data binding say what is wrong
            }
            List<String> strings = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null || !token.isScalarValue()) {
                    return convert(json, STRINGS);
                }
                strings.add(token == JsonToken.VALUE_NULL ? null : parser.getText());
            }
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ["text"]} whose text holds no quote and no backslash, so nothing in it is escaped. */
    private static boolean isOneUnescapedString(String json) {
        int end = json.length() - 2;
        if (end < 2 || !json.startsWith("[\"") || !json.endsWith("\"]")) {
            return false;
        }
        for (int i = 2; i < end; i++) {
            char ch = json.charAt(i);
            if (ch == '"' || ch == '\\' || ch < 0x20) {
                return false;
            }
        }
        return true;
    }

    static Map<String, String> readTags(String json) {
        return json == null ? Map.of() : convert(json, TAGS);
    }

    private static <T> T convert(String json, ObjectReader reader) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes NaN as null; infinities keep Jackson's quoted "Infinity" form, an unbounded interval side. */
    private static final class NanAsNull extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isNaN()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }
}
