package dev.evalgate.store;

import dev.evalgate.metric.GradingMetrics;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Grading;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The judge columns: per sample what grading it spent and whether the judge erred or flipped, per run the grading
 * totals. Kept apart from the candidate's columns so no query of the candidate's cost can include them.
 */
final class JudgeRows {

    /** The judge columns of {@code case_results} {@link #bindSample} sets, from judge_calls to judge_flipped. */
    static final int SAMPLE_COLUMN_COUNT = 8;

    private static final String FINISH = """
            UPDATE runs SET judge_judgments = ?, judge_errors = ?, judge_calls = ?, judge_input_tokens = ?,
                judge_output_tokens = ?, judge_cost_usd = ?, judge_latency_ms = ?
            WHERE run_id = ?""";

    private JudgeRows() {
    }

    /** Binds the judge columns of {@code s} from position {@code i}; all NULL when no judge graded it. */
    static void bindSample(PreparedStatement insert, int i, Sample s) throws SQLException {
        int calls = 0;
        int cached = 0;
        Long input = null;
        Long output = null;
        Double cost = 0.0;
        double latency = 0;
        boolean error = false;
        boolean flipped = false;
        boolean judged = false;
        for (Score score : s.scores()) {
            Grading g = score.grading();
            if (g == null) {
                continue;
            }
            judged = true;
            calls += g.calls();
            cached += g.cachedVotes();
            if (g.usage() != null) {
                input = (input == null ? 0 : input) + g.usage().input();
                output = (output == null ? 0 : output) + g.usage().output();
            }
            cost = cost == null || g.costUsd() == null ? null : cost + g.costUsd();
            latency += g.latencyMs();
            error |= score.outcome() == Outcome.ERROR;
            flipped |= g.flipped();
        }
        if (!judged) {
            for (int k = 0; k < SAMPLE_COLUMN_COUNT; k++) {
                insert.setNull(i + k, k >= 6 ? Types.BOOLEAN : Types.NUMERIC);
            }
            return;
        }
        insert.setInt(i, calls);
        insert.setInt(i + 1, cached);
        setLong(insert, i + 2, input);
        setLong(insert, i + 3, output);
        setDouble(insert, i + 4, cost);
        insert.setDouble(i + 5, latency);
        insert.setBoolean(i + 6, error);
        insert.setBoolean(i + 7, flipped);
    }

    /** Stores the run's grading totals over its targets; leaves them NULL when no judge graded the run. */
    static void finish(Connection c, String runId, RunResult result) throws SQLException {
        long judgments = 0;
        long errors = 0;
        long calls = 0;
        long input = 0;
        long output = 0;
        Double cost = 0.0;
        double latency = 0;
        boolean judged = false;
        for (TargetMetrics m : result.metrics() == null ? java.util.List.<TargetMetrics>of() : result.metrics()) {
            GradingMetrics g = m.grading();
            if (g == null) {
                continue;
            }
            judged = true;
            judgments += g.judgments();
            errors += g.judgeErrors();
            calls += g.calls();
            input += g.tokens().input();
            output += g.tokens().output();
            cost = cost == null || g.cost().totalUsd() == null ? null : cost + g.cost().totalUsd();
            latency += g.latencyMs();
        }
        if (!judged) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement(FINISH)) {
            update.setLong(1, judgments);
            update.setLong(2, errors);
            update.setLong(3, calls);
            update.setLong(4, input);
            update.setLong(5, output);
            setDouble(update, 6, cost);
            update.setDouble(7, latency);
            update.setString(8, runId);
            update.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }
}
