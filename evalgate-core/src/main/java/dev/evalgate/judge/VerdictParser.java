package dev.evalgate.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.json.SharedBuffers;

import java.util.Arrays;

/**
 * Reads a judge's reply as exactly one JSON object holding a complete verdict. Nothing is guessed: a missing
 * field, a field of the wrong type, a value outside its set or any text around the object makes the reply
 * unreadable, and the vote a judge error.
 */
final class VerdictParser {

    private static final ObjectMapper JSON = SharedBuffers.mapper().build()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private VerdictParser() {
    }

    /** What a readable reply said. {@code relation} is null outside the reference mode. */
    record Parsed(boolean pass, double score, String reason, String relation) {
    }

    /** The verdict in {@code text}, or an {@link Unreadable} naming what is wrong with it. */
    static Parsed parse(String text, JudgeMode mode) {
        if (text == null || text.isBlank()) {
            throw new Unreadable("the judge's reply is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text.strip());
        } catch (JsonProcessingException e) {
            throw new Unreadable("the judge's reply is not one JSON object: " + clip(text));
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("the judge's reply is not one JSON object: " + clip(text));
        }
        String reason = text(root, "reason");
        double score = number(root, "score");
        if (!(score >= 0 && score <= 1)) {
            throw new Unreadable("the judge's 'score' is " + root.get("score") + ", outside 0 to 1");
        }
        if (mode == JudgeMode.REFERENCE) {
            String relation = oneOf(root, "relation", VerdictSchema.RELATIONS);
            boolean pass = relation.equals("consistent") || relation.equals("extra");
            return new Parsed(pass, score, reason, relation);
        }
        return new Parsed(oneOf(root, "verdict", VerdictSchema.VERDICTS).equals("pass"), score, reason, null);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null) {
            throw new Unreadable("the judge's reply has no '" + field + "': " + clip(root.toString()));
        }
        if (!node.isTextual()) {
            throw new Unreadable("the judge's '" + field + "' is " + node + ", not text");
        }
        return node.textValue();
    }

    private static double number(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null) {
            throw new Unreadable("the judge's reply has no '" + field + "': " + clip(root.toString()));
        }
        if (!node.isNumber()) {
            throw new Unreadable("the judge's '" + field + "' is " + node + ", not a number");
        }
        return node.doubleValue();
    }

    private static String oneOf(JsonNode root, String field, String[] allowed) {
        String value = text(root, field);
        if (!Arrays.asList(allowed).contains(value)) {
            throw new Unreadable("the judge's '" + field + "' is \"" + clip(value) + "\", not one of "
                    + String.join(", ", allowed));
        }
        return value;
    }

    private static String clip(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    /** A reply that holds no complete verdict. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }
}
