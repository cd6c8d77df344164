-- A streamed call's time to first token (from the request fully written to the first piece of content) and its
-- generation time (first piece to the end of the stream), in ms. NULL for calls that did not stream, cached
-- answers and failed calls, and for every call of runs made before streaming was measured.
ALTER TABLE case_results ADD COLUMN ttft_ms DOUBLE PRECISION;
ALTER TABLE case_results ADD COLUMN generation_ms DOUBLE PRECISION;
