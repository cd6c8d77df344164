-- What model judges spent grading each sample, kept apart from the candidate's own tokens, cost and latency.
-- NULL for samples no judge graded (and for runs made before judges existed).
ALTER TABLE case_results ADD COLUMN judge_calls INTEGER;
ALTER TABLE case_results ADD COLUMN judge_cached_votes INTEGER;
ALTER TABLE case_results ADD COLUMN judge_input_tokens BIGINT;
ALTER TABLE case_results ADD COLUMN judge_output_tokens BIGINT;
ALTER TABLE case_results ADD COLUMN judge_cost_usd DOUBLE PRECISION;
ALTER TABLE case_results ADD COLUMN judge_latency_ms DOUBLE PRECISION;
-- TRUE when a judge gave no verdict on the sample (every vote failed or was unreadable): a judge error.
ALTER TABLE case_results ADD COLUMN judge_error BOOLEAN;
-- TRUE when the judge's votes on the sample disagreed.
ALTER TABLE case_results ADD COLUMN judge_flipped BOOLEAN;

-- Grading spend of the whole run, over every target: NULL when no judge graded it.
ALTER TABLE runs ADD COLUMN judge_judgments BIGINT;
ALTER TABLE runs ADD COLUMN judge_errors BIGINT;
ALTER TABLE runs ADD COLUMN judge_calls BIGINT;
ALTER TABLE runs ADD COLUMN judge_input_tokens BIGINT;
ALTER TABLE runs ADD COLUMN judge_output_tokens BIGINT;
ALTER TABLE runs ADD COLUMN judge_cost_usd DOUBLE PRECISION;
ALTER TABLE runs ADD COLUMN judge_latency_ms DOUBLE PRECISION;
