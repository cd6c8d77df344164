-- The dashboard pages through a run's failures (FAIL and ERROR samples) in key order and counts them. A partial
-- index holds only those rows, so the first page and the count read the failures alone, not every passing sample
-- of a 100,000-case run. Partial indexes read the same on SQLite and PostgreSQL.
CREATE INDEX case_results_not_passed ON case_results (run_id, target_id, case_id, repeat_no) WHERE outcome <> 'PASS';
