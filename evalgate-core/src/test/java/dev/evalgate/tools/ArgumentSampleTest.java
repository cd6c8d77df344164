package dev.evalgate.tools;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArgumentSampleTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\": \"object\"}",
            "{\"type\": \"object\", \"properties\": {\"order_id\": {\"type\": \"string\", \"minLength\": 4}}, \"required\": [\"order_id\"]}",
            "{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\", \"minimum\": 3, \"maximum\": 9}, \"x\": {\"type\": \"number\", \"exclusiveMinimum\": 0}}, \"required\": [\"n\", \"x\"]}",
            "{\"type\": \"object\", \"properties\": {\"mode\": {\"enum\": [\"fast\", \"slow\"]}, \"ok\": {\"type\": \"boolean\"}, \"v\": {\"const\": 2}}, \"additionalProperties\": false}",
            "{\"type\": \"object\", \"properties\": {\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"minItems\": 2}}, \"required\": [\"tags\"]}",
            "{\"type\": \"object\", \"properties\": {\"when\": {\"type\": [\"string\", \"null\"]}, \"where\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}, \"required\": [\"city\"]}}, \"required\": [\"when\", \"where\"]}",
            "{\"type\": \"object\", \"properties\": {\"id\": {\"anyOf\": [{\"type\": \"integer\"}, {\"type\": \"string\"}]}}, \"required\": [\"id\"]}",
            "{\"type\": \"object\", \"required\": [\"free\"]}"
    })
    void arguments_built_from_a_tools_schema_are_valid_against_it(String schema) throws Exception {
        JsonNode parameters = ToolJson.MAPPER.readTree(schema);

        JsonNode arguments = ArgumentSample.of(parameters);

        assertThat(arguments.isObject()).isTrue();
        assertThat(Schemas.firstViolation(parameters, arguments)).isNull();
    }
}
