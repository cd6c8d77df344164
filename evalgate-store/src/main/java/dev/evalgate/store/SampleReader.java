package dev.evalgate.store;

import dev.evalgate.run.CallError;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.target.StreamTiming;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.tools.ExchangeJson;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads stored samples from rows of {@code case_results} selected with {@link #columns}, by column position.
 *
 * <p>A run of 100,000 cases is 200,000 rows or more, so the per-row work is kept small: columns are read by
 * position (a lookup by name is a map lookup per column per row), the error message only when there is an error,
 * and the JSON columns parsed only when they hold something — a case's expected answers and tags repeat from row
 * to row (repeats, slices), so the last parse of each is reused when the text is the same. One reader serves one
 * result set; it is not for sharing between threads.
 */
final class SampleReader {

    /** How much of each sample to read. */
    enum Detail {
        /** Everything stored: the sample as it was written. */
        FULL,
        /**
         * What a case's record needs (outcome, score, output, cost, latency, tokens, error, expected, tags, and the
         * scores of a sample that did not pass, whose reasons a report shows): the input and the raw output are left
         * out (null), and so are the scores of a passing sample.
         */
        OUTCOMES
    }

    // OUTCOMES reads the first 20 columns, FULL all 23: keep the order and the positions below in step.
    private static final String OUTCOME_COLUMNS = """
            target_id, case_id, repeat_no, outcome, score, output, latency_ms, input_tokens, output_tokens, cost_usd,
                attempts, error_kind, error_message, cached, expected_json, tags_json,
                CASE WHEN outcome = 'PASS' THEN NULL ELSE scores_json END, exchange_json, ttft_ms, generation_ms""";
    private static final String FULL_COLUMNS = OUTCOME_COLUMNS + ", raw_output, scores_json, input";
    private static final int TARGET = 1, CASE = 2, REPEAT = 3, OUTCOME = 4, SCORE = 5, OUTPUT = 6, LATENCY = 7,
            INPUT_TOKENS = 8, OUTPUT_TOKENS = 9, COST = 10, ATTEMPTS = 11, ERROR_KIND = 12, ERROR_MESSAGE = 13,
            CACHED = 14, EXPECTED = 15, TAGS = 16, FAILURE_SCORES = 17, EXCHANGE = 18, TTFT = 19, GENERATION = 20,
            RAW_OUTPUT = 21, SCORES = 22, INPUT = 23;
    // Distinct tag sets are few (a slice's values); past this many the parse is simply not kept.
    private static final int MAX_TAG_SETS = 1024;

    private final Detail detail;
    private final Map<String, Map<String, String>> tagSets = new HashMap<>();
    private String lastExpectedJson;
    private List<String> lastExpected = List.of();

    SampleReader(Detail detail) {
        this.detail = detail;
    }

    /** The select list this reader reads, for {@code SELECT <columns> FROM case_results ...}. */
    static String columns(Detail detail) {
        return detail == Detail.FULL ? FULL_COLUMNS : OUTCOME_COLUMNS;
    }

    /** The sample at the result set's current row. */
    StoredCaseResult read(ResultSet rs) throws SQLException {
        long input = rs.getLong(INPUT_TOKENS);
        boolean noInput = rs.wasNull();
        long output = rs.getLong(OUTPUT_TOKENS);
        TokenUsage usage = noInput && rs.wasNull() ? null : new TokenUsage(input, output);
        double cost = rs.getDouble(COST);
        Double costUsd = rs.wasNull() ? null : cost;
        String errorKind = rs.getString(ERROR_KIND);
        CallError error = errorKind == null ? null : new CallError(errorKind, rs.getString(ERROR_MESSAGE));
        double latency = rs.getDouble(LATENCY);
        if (rs.wasNull()) {
            latency = Double.NaN;
        }
        boolean cached = rs.getBoolean(CACHED);
        boolean full = detail == Detail.FULL;
        Sample sample = new Sample(rs.getInt(REPEAT), full ? rs.getString(RAW_OUTPUT) : null, rs.getString(OUTPUT),
                Outcome.valueOf(rs.getString(OUTCOME)), rs.getDouble(SCORE),
                StoreJson.readScores(rs.getString(full ? SCORES : FAILURE_SCORES)), latency, usage, costUsd,
                rs.getInt(ATTEMPTS), error, cached, ExchangeJson.read(rs.getString(EXCHANGE)), stream(rs));
        return new StoredCaseResult(rs.getString(TARGET), rs.getString(CASE), full ? rs.getString(INPUT) : null,
                expected(rs.getString(EXPECTED)), tags(rs.getString(TAGS)), sample, cached);
    }

    /** The stream timing of a streamed call; null for any other. */
    private static StreamTiming stream(ResultSet rs) throws SQLException {
        double ttft = rs.getDouble(TTFT);
        if (rs.wasNull()) {
            return null;
        }
        double generation = rs.getDouble(GENERATION);
        return new StreamTiming(ttft, rs.wasNull() ? 0 : generation);
    }

    private List<String> expected(String json) {
        if (json == null) {
            return List.of();
        }
        if (!json.equals(lastExpectedJson)) {
            lastExpected = List.copyOf(StoreJson.readStrings(json));
            lastExpectedJson = json;
        }
        return lastExpected;
    }

    private Map<String, String> tags(String json) {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        Map<String, String> tags = tagSets.get(json);
        if (tags == null) {
            tags = Map.copyOf(StoreJson.readTags(json));
            if (tagSets.size() < MAX_TAG_SETS) {
                tagSets.put(json, tags);
            }
        }
        return tags;
    }
}
