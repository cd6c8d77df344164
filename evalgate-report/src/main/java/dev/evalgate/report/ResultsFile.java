package dev.evalgate.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.evalgate.error.EvalgateException;
import dev.evalgate.files.AtomicFile;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.HarnessOverhead;
import dev.evalgate.run.ResultSink;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Grading;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the results file (schema {@value #SCHEMA}, version {@value #VERSION}) as cases complete.
 *
 * <p>Cases stream to a temporary file beside the target, so memory does not grow with the run; {@link #finish}
 * appends the metrics and moves the file into place in one step, so a reader never sees half a file. The layout
 * is documented in docs/results-schema.md.
 */
public final class ResultsFile implements ResultSink {

    public static final String SCHEMA = "evalgate.results";
    public static final int VERSION = 1;

    private final Path target;
    private final AtomicFile file;
    private final JsonGenerator out;

    private ResultsFile(Path target, AtomicFile file, JsonGenerator out) {
        this.target = target;
        this.file = file;
        this.out = out;
    }

    /** Starts the file: schema, version and the run's provenance, then the opening of the cases array. */
    public static ResultsFile start(Path target, RunInfo info) {
        try {
            AtomicFile file = AtomicFile.open(target);
            JsonGenerator out = Json.MAPPER.getFactory().createGenerator(file.stream(), JsonEncoding.UTF8);
            out.writeStartObject();
            out.writeStringField("schema", SCHEMA);
            out.writeNumberField("schema_version", VERSION);
            out.writeFieldName("run");
            Json.MAPPER.writeValue(out, info);
            out.writeArrayFieldStart("cases");
            return new ResultsFile(target, file, out);
        } catch (IOException e) {
            throw new EvalgateException("cannot write results file " + target + ": " + e.getMessage()
                    + ". Check that the folder is writable, or choose another path with --output.", e);
        }
    }

    /** The same writing, into nothing: no file is opened and nothing is kept. */
    @Override
    public ResultSink rehearsal() {
        try {
            JsonGenerator nowhere = Json.MAPPER.getFactory().createGenerator(OutputStream.nullOutputStream(),
                    JsonEncoding.UTF8);
            nowhere.writeStartArray();
            return new ResultsFile(target, null, nowhere);
        } catch (IOException e) {
            return null; // a stream that discards does not fail; if it did, the file is simply not warmed
        }
    }

    @Override
    public synchronized void accept(CaseResult r) {
        try {
            out.writeStartObject();
            out.writeStringField("target", r.target());
            out.writeStringField("id", r.kase().id());
            out.writeStringField("outcome", r.outcome().name());
            out.writeNumberField("pass_fraction", r.passFraction());
            out.writeNumberField("score", r.score());
            out.writeStringField("expected", r.kase().expected().primary());
            out.writeStringField("source", r.kase().source());
            if (!r.kase().tags().isEmpty()) {
                out.writeObjectField("tags", r.kase().tags());
            }
            out.writeArrayFieldStart("samples");
            for (Sample s : r.samples()) {
                writeSample(s);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results file " + (file == null ? target : file.temp()), e);
        }
    }

    private void writeSample(Sample s) throws IOException {
        out.writeStartObject();
        out.writeNumberField("repeat", s.repeat());
        out.writeStringField("outcome", s.outcome().name());
        out.writeStringField("output", s.output());
        if (s.rawOutput() != null && !s.rawOutput().equals(s.output())) {
            out.writeStringField("raw_output", s.rawOutput());
        }
        out.writeNumberField("value", s.value());
        out.writeArrayFieldStart("scores");
        for (Score score : s.scores()) {
            out.writeStartObject();
            out.writeStringField("scorer", score.scorer());
            out.writeNumberField("value", score.value());
            out.writeStringField("outcome", score.outcome().name());
            out.writeStringField("reason", score.reason());
            if (score.grading() != null) {
                writeJudge(score);
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        if (s.cached()) {
            out.writeBooleanField("cached", true);
        }
        if (s.timed()) {
            out.writeNumberField("latency_ms", Math.round(s.latencyMs() * 1000) / 1000.0);
        } else {
            out.writeNullField("latency_ms"); // no call reached the target: cached, or failed before the call
        }
        if (s.stream() != null) {
            out.writeNumberField("ttft_ms", Math.round(s.stream().ttftMs() * 1000) / 1000.0);
            double speed = s.outputTokensPerSecond();
            if (Double.isFinite(speed)) {
                out.writeNumberField("output_tokens_per_second", Math.round(speed * 1000) / 1000.0);
            }
        }
        if (s.usage() != null) {
            out.writeNumberField("input_tokens", s.usage().input());
            out.writeNumberField("output_tokens", s.usage().output());
        }
        if (s.costUsd() != null) {
            out.writeNumberField("cost_usd", s.costUsd());
        }
        out.writeNumberField("attempts", s.attempts());
        if (s.exchange() != null) {
            out.writeFieldName("conversation");
            out.writeTree(dev.evalgate.tools.ExchangeJson.node(s.exchange()));
        }
        if (s.error() != null) {
            out.writeObjectFieldStart("error");
            out.writeStringField("kind", s.error().kind());
            out.writeStringField("message", s.error().message());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /** A judge score's extras: whether it is a judge error, its votes and the grading spend (not the target's). */
    private void writeJudge(Score score) throws IOException {
        Grading g = score.grading();
        out.writeBooleanField("judge_error", score.outcome() == Outcome.ERROR);
        out.writeObjectFieldStart("judge");
        out.writeArrayFieldStart("votes");
        for (Outcome vote : g.votes()) {
            out.writeString(vote.name());
        }
        out.writeEndArray();
        out.writeBooleanField("flipped", g.flipped());
        out.writeNumberField("calls", g.calls());
        out.writeNumberField("cached_votes", g.cachedVotes());
        if (g.usage() != null) {
            out.writeNumberField("input_tokens", g.usage().input());
            out.writeNumberField("output_tokens", g.usage().output());
        }
        if (g.costUsd() != null) {
            out.writeNumberField("cost_usd", g.costUsd());
        }
        out.writeNumberField("latency_ms", Math.round(g.latencyMs() * 1000) / 1000.0);
        out.writeEndObject();
    }

    private static void writeHarness(JsonGenerator out, HarnessOverhead harness) throws IOException {
        if (harness == null) {
            out.writeNullField("harness_overhead");
            return;
        }
        out.writeObjectFieldStart("harness_overhead");
        out.writeNumberField("p50_ms", harness.p50Ms());
        out.writeNumberField("p95_ms", harness.p95Ms());
        out.writeNumberField("calls", harness.calls());
        out.writeStringField("path", harness.path());
        out.writeEndObject();
    }

    /** Appends the metrics and completion state, then moves the file into place. */
    public synchronized void finish(RunResult result) {
        try {
            out.writeEndArray();
            out.writeBooleanField("complete", result.complete());
            out.writeStringField("started", result.started().toString());
            out.writeNumberField("elapsed_ms", result.elapsed().toMillis());
            writeHarness(out, result.harness());
            out.writeFieldName("metrics");
            Json.MAPPER.writeValue(out, result.metrics());
            out.writeEndObject();
            out.close();
            file.commit();
        } catch (IOException e) {
            file.close();
            throw new EvalgateException("cannot finish results file " + target + ": " + e.getMessage()
                    + ". The run's cases are in the store (see 'evalgate show <run>'); free space or choose another"
                    + " --output", e);
        }
    }

    /** Without {@link #finish}, deletes the temporary file and leaves the target as it was. */
    @Override
    public synchronized void close() {
        if (!out.isClosed()) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the temporary file is deleted next either way
            }
        }
        if (file != null) {
            file.close();
        }
    }
}
