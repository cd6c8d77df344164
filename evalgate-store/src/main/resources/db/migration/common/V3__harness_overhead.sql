-- The time evalgate itself added per call, measured before the run (p50/p95 over a small batch against a stand-in
-- that answers at once). NULL for runs made before it was measured or with the harness warm-up switched off.
ALTER TABLE runs ADD COLUMN harness_p50_ms DOUBLE PRECISION;
ALTER TABLE runs ADD COLUMN harness_p95_ms DOUBLE PRECISION;
ALTER TABLE runs ADD COLUMN harness_calls INTEGER;
ALTER TABLE runs ADD COLUMN harness_path TEXT;
