package dev.evalgate.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.calibration.JudgedChange;
import dev.evalgate.compare.Comparison;
import dev.evalgate.error.EvalgateException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A comparison as JSON with snake_case keys; NaN ("no data") is written as null so any JSON reader loads it. */
final class ComparisonJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // Interval.isEmpty() and the like are derived values, not data.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("evalgate-compare")
                    .addSerializer(Double.class, new NanAsNull())
                    .addSerializer(double.class, new NanAsNull()))
            .build();

    private ComparisonJson() {
    }

    static String of(Comparison comparison) {
        return of(comparison, Map.of());
    }

    /**
     * The comparison with, under {@code judged}, each target's judge scorers' changes (raw and corrected, or why
     * not corrected); the key is left out when no judge graded the runs.
     */
    static String of(Comparison comparison, Map<String, Map<String, JudgedChange>> judged) {
        try {
            ObjectNode node = MAPPER.valueToTree(comparison);
            if (!judged.isEmpty()) {
                node.set("judged", MAPPER.valueToTree(judged));
            }
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new EvalgateException("cannot write the comparison as JSON: " + e.getMessage(), e);
        }
    }

    static void write(Comparison comparison, Map<String, Map<String, JudgedChange>> judged, Path file) {
        Reports.write(file, of(comparison, judged));
    }

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
