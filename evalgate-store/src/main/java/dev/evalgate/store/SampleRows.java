package dev.evalgate.store;

import dev.evalgate.dataset.Case;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.Sample;
import dev.evalgate.tools.ExchangeJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The insert of case results into {@code case_results}, one row per sample.
 *
 * <p>{@code ON CONFLICT DO NOTHING} (the same words on SQLite and PostgreSQL) makes writing a sample twice — a
 * resumed run, a retried batch — leave the first row as it was.
 */
final class SampleRows implements AutoCloseable {

    private static final String INSERT = """
            INSERT INTO case_results (run_id, target_id, case_id, repeat_no, outcome, score, output, raw_output,
                scores_json, latency_ms, input_tokens, output_tokens, cost_usd, attempts, error_kind, error_message,
                input, expected_json, tags_json, cached, exchange_json, ttft_ms, generation_ms, judge_calls,
                judge_cached_votes, judge_input_tokens, judge_output_tokens, judge_cost_usd, judge_latency_ms,
                judge_error, judge_flipped)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (run_id, target_id, case_id, repeat_no) DO NOTHING""";

    private final String runId;
    private final PreparedStatement insert;

    SampleRows(Connection connection, String runId) throws SQLException {
        this.runId = runId;
        this.insert = connection.prepareStatement(INSERT);
    }

    /** Adds every sample of the results to the statement's batch and runs it; the caller commits. */
    void insert(List<CaseResult> results) throws SQLException {
        for (CaseResult result : results) {
            Case kase = result.kase();
            String expected = StoreJson.write(kase.expected().answers());
            String tags = StoreJson.write(kase.tags());
            for (Sample sample : result.samples()) {
                bind(result.target(), kase, sample, expected, tags);
                insert.addBatch();
            }
        }
        insert.executeBatch();
    }

    private void bind(String target, Case kase, Sample s, String expected, String tags) throws SQLException {
        int i = 1;
        insert.setString(i++, runId);
        insert.setString(i++, target);
        insert.setString(i++, kase.id());
        insert.setInt(i++, s.repeat());
        insert.setString(i++, s.outcome().name());
        insert.setDouble(i++, s.value());
        insert.setString(i++, s.output());
        insert.setString(i++, s.rawOutput());
        insert.setString(i++, StoreJson.scores(s.scores()));
        if (Double.isFinite(s.latencyMs())) {
            insert.setDouble(i++, s.latencyMs());
        } else {
            insert.setNull(i++, Types.DOUBLE); // a cached sample: no call, no latency
        }
        setLong(i++, s.usage() == null ? null : s.usage().input());
        setLong(i++, s.usage() == null ? null : s.usage().output());
        if (s.costUsd() == null) {
            insert.setNull(i++, Types.DOUBLE);
        } else {
            insert.setDouble(i++, s.costUsd());
        }
        insert.setInt(i++, s.attempts());
        insert.setString(i++, s.error() == null ? null : s.error().kind());
        insert.setString(i++, s.error() == null ? null : s.error().message());
        insert.setString(i++, kase.input());
        insert.setString(i++, expected);
        insert.setString(i++, tags);
        insert.setBoolean(i++, s.cached());
        insert.setString(i++, s.exchange() == null ? null : ExchangeJson.write(s.exchange()));
        if (s.stream() == null) {
            insert.setNull(i++, Types.DOUBLE); // not streamed, cached, or failed: no first token
            insert.setNull(i++, Types.DOUBLE);
        } else {
            insert.setDouble(i++, s.stream().ttftMs());
            insert.setDouble(i++, s.stream().generationMs());
        }
        JudgeRows.bindSample(insert, i, s);
    }

    private void setLong(int index, Long value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.BIGINT);
        } else {
            insert.setLong(index, value);
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
