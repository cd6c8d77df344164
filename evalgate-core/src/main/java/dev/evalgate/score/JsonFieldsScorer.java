package dev.evalgate.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code json-fields} scorer: compares the top-level fields of a JSON object output with the case's
 * expected JSON object, giving partial credit for each field that matches.
 *
 * <p>The value is matched fields / compared fields; it passes at {@code pass_at} (default 1.0, every field).
 * {@code fields:} restricts the comparison to the named fields. Numbers compare by value ({@code 2 == 2.0});
 * everything else must be equal as JSON. Extra fields in the output are ignored.
 *
 * @param fields the fields to compare, or null for every field of the expected object
 */
record JsonFieldsScorer(List<String> fields, double passAt) implements Scorer {

    /** True: it compares against each case's expected answer. */
    @Override
    public boolean needsExpected() {
        return true;
    }

    static final String ID = "json-fields";

    /** Reasons name this many differing fields; the rest are counted. */
    private static final int SHOWN = 5;

    @Override
    public Score score(Case kase, String output) {
        JsonNode expected = expectedObject(kase.expected());
        if (expected == null) {
            return Score.error(ID, Texts.caseName(kase) + " expects " + Texts.quote(kase.expected().primary())
                    + ", which is not a JSON object; json-fields needs one such as {\"category\": \"billing\"}.");
        }
        List<String> compared = fields != null ? fields : iterable(expected);
        if (compared.isEmpty()) {
            return Score.error(ID, Texts.caseName(kase) + " expects an empty JSON object; json-fields has no field "
                    + "to compare. Add fields to the expected object.");
        }
        for (String field : compared) {
            if (!expected.has(field)) {
                return Score.error(ID, Texts.caseName(kase) + " has no field '" + field + "' in its expected object, "
                        + "but json-fields is told to compare it. Add it to the case, or remove it from 'fields'.");
            }
        }
        JsonNode got;
        try {
            got = output.isBlank() ? null : JsonText.parse(output);
        } catch (JsonProcessingException e) {
            return Score.fail(ID, "output is not valid JSON: " + JsonText.describe(e));
        }
        if (got == null || !got.isObject()) {
            return Score.fail(ID, "output is not a JSON object: " + Texts.quote(output));
        }
        List<String> differences = new ArrayList<>();
        for (String field : compared) {
            JsonNode want = expected.get(field);
            JsonNode have = got.get(field);
            if (have == null || !want.equals(JsonText.SAME_VALUE, have)) {
                differences.add(field + ": expected " + shown(want) + " but got "
                        + (have == null ? "nothing" : shown(have)));
            }
        }
        int matched = compared.size() - differences.size();
        double value = (double) matched / compared.size();
        if (differences.isEmpty()) {
            return Score.of(ID, value, passAt, "all " + compared.size() + " fields match");
        }
        StringBuilder reason = new StringBuilder().append(matched).append(" of ").append(compared.size())
                .append(" fields match; ");
        for (int i = 0; i < Math.min(SHOWN, differences.size()); i++) {
            reason.append(i == 0 ? "" : "; ").append(differences.get(i));
        }
        if (differences.size() > SHOWN) {
            reason.append("; and ").append(differences.size() - SHOWN).append(" more");
        }
        return Score.of(ID, value, passAt, reason.toString());
    }

    /** The expected object: a JSON value, or a text holding one (CSV and plain-text datasets carry it so). */
    private static JsonNode expectedObject(Expected expected) {
        JsonNode node = null;
        if (expected instanceof Expected.Json json) {
            node = json.value();
        } else if (expected instanceof Expected.Text text) {
            try {
                node = JsonText.parse(text.value());
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return node != null && node.isObject() ? node : null;
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    static final class Kind implements ScorerKind {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Scorer create(Options options) {
            List<String> fields = options.strings("fields");
            double passAt = options.number("pass_at", 0, 1).orElse(1.0);
            return new JsonFieldsScorer(fields.isEmpty() ? null : List.copyOf(fields), passAt);
        }
    }
}
