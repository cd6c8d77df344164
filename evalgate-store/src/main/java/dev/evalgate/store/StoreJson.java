package dev.evalgate.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;

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
        }
        return array.toString();
    }

    static List<Score> readScores(String json) {
        List<Score> scores = new ArrayList<>();
        for (JsonNode node : read(json)) {
            scores.add(new Score(node.path("scorer").asText(), node.path("value").asDouble(),
                    Outcome.valueOf(node.path("outcome").asText()),
                    node.path("reason").isNull() ? null : node.path("reason").asText()));
        }
        return scores;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> readStrings(String json) {
        return json == null ? List.of() : convert(json, new TypeReference<List<String>>() { });
    }

    static Map<String, String> readTags(String json) {
        return json == null ? Map.of() : convert(json, new TypeReference<Map<String, String>>() { });
    }

    private static <T> T convert(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
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
