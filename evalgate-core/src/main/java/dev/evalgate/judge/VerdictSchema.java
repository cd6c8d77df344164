package dev.evalgate.judge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.target.ReplySchema;

/**
 * The JSON schema of a verdict in each mode: every field required and nothing else allowed, so a provider that
 * enforces it (OpenAI's strict schema, Anthropic's forced tool) can only answer with a complete verdict.
 */
final class VerdictSchema {

    static final String NAME = "verdict";
    static final String[] VERDICTS = {"pass", "fail"};
    static final String[] RELATIONS = {"consistent", "extra", "partial", "contradicting"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private VerdictSchema() {
    }

    static ReplySchema of(JudgeMode mode) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("reason").put("type", "string")
                .put("description", "one or two sentences naming what decided the verdict");
        String decision = mode == JudgeMode.REFERENCE ? "relation" : "verdict";
        ArrayNode allowed = properties.putObject(decision).put("type", "string").putArray("enum");
        for (String value : mode == JudgeMode.REFERENCE ? RELATIONS : VERDICTS) {
            allowed.add(value);
        }
        properties.putObject("score").put("type", "number").put("description", "from 0 to 1");
        schema.putArray("required").add("reason").add(decision).add("score");
        schema.put("additionalProperties", false);
        return new ReplySchema(NAME, "Record the verdict on the graded answer.", schema);
    }
}
