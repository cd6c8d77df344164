-- Conversations: the whole exchange of a sample that ran as one (turns, model calls, tool calls), as JSON, and
-- the tool calls of a cached reply. Both are NULL for single calls.
ALTER TABLE case_results ADD COLUMN exchange_json TEXT;
ALTER TABLE response_cache ADD COLUMN tool_calls_json TEXT;
