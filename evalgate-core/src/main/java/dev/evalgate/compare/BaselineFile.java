package dev.evalgate.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.error.ConfigException;
import dev.evalgate.error.EvalgateException;
import dev.evalgate.files.AtomicFile;
import dev.evalgate.score.Outcome;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run pinned as a file kept in git: compact, deterministic, one case per line so diffs read well.
 *
 * <p>It holds what the gate needs and nothing secret: the suite, the dataset hash, the scorer and target specs,
 * the slice keys, and per case its outcome, score, latency, tokens, cost and (when it has any) its tags. Outputs
 * are not kept, so a comparison against a baseline file shows the head's output of a flipped case but not the
 * baseline's.
 */
public final class BaselineFile {

    public static final String SCHEMA = "evalgate.baseline";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaselineFile() {
    }

    /** Writes {@code run} to {@code file}, replacing it in one step. Same run, same bytes. */
    public static void write(RunRecord run, Path file) {
        try (AtomicFile partial = AtomicFile.open(file)) {
            try (Writer out = partial.writer()) {
                out.write("{\n");
                field(out, "schema", SCHEMA);
                out.write("  \"schema_version\": " + VERSION + ",\n");
                field(out, "run_id", run.runId());
                field(out, "suite", run.suite());
                field(out, "dataset_sha256", run.datasetSha256());
                out.write("  \"scorers\": " + JSON.writeValueAsString(run.scorers()) + ",\n");
                out.write("  \"slices\": " + JSON.writeValueAsString(run.slices()) + ",\n");
                out.write("  \"targets\": [\n");
                for (int t = 0; t < run.targets().size(); t++) {
                    TargetRecord target = run.targets().get(t);
                    out.write("    {\n");
                    out.write("      \"id\": " + JSON.writeValueAsString(target.target()) + ",\n");
                    out.write("      \"spec\": " + JSON.writeValueAsString(spec(run, target.target())) + ",\n");
                    out.write("      \"cases\": [\n");
                    for (int i = 0; i < target.cases().size(); i++) {
                        out.write("        " + caseLine(target.cases().get(i))
                                + (i + 1 < target.cases().size() ? ",\n" : "\n"));
                    }
                    out.write("      ]\n    }" + (t + 1 < run.targets().size() ? ",\n" : "\n"));
                }
                out.write("  ]\n}\n");
            }
            partial.commit();
        } catch (IOException e) {
            throw new EvalgateException("cannot write baseline " + file + ": " + e.getMessage(), e);
        }
    }

    private static void field(Writer out, String name, String value) throws IOException {
        out.write("  \"" + name + "\": " + JSON.writeValueAsString(value) + ",\n");
    }

    private static String spec(RunRecord run, String target) {
        return run.targetSpecs().stream().filter(s -> s.id().equals(target)).map(RunRecord.TargetSpec::spec)
                .findFirst().orElse(null);
    }

    private static String caseLine(CaseRecord c) throws IOException {
        StringBuilder line = new StringBuilder("{\"id\": ").append(JSON.writeValueAsString(c.caseId()))
                .append(", \"outcome\": \"").append(c.outcome()).append('"')
                .append(", \"pass\": ").append(round(c.passFraction(), 6))
                .append(", \"score\": ").append(round(c.score(), 6))
                .append(", \"latency_ms\": ").append(Double.isFinite(c.latencyMs()) ? round(c.latencyMs(), 3) : "null")
                .append(", \"tokens_in\": ").append(c.tokensIn())
                .append(", \"tokens_out\": ").append(c.tokensOut())
                .append(", \"cost_usd\": ").append(c.costUsd() == null ? "null" : round(c.costUsd(), 12));
        if (Double.isFinite(c.ttftMs())) {
            // only streamed cases have it, so files of runs that did not stream keep their bytes
            line.append(", \"ttft_ms\": ").append(round(c.ttftMs(), 3));
        }
        if (!c.tags().isEmpty()) {
            // sorted so that the same tags always give the same bytes
            line.append(", \"tags\": ").append(JSON.writeValueAsString(new TreeMap<>(c.tags())));
        }
        return line.append('}').toString();
    }

    private static String round(double value, int decimals) {
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** Reads a baseline file, or fails naming the file and what is wrong with it. */
    public static RunRecord read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ConfigException(file + ": baseline file not found. Create it with: evalgate baseline save <run> "
                    + file);
        } catch (IOException e) {
            throw new ConfigException(file + ": not a readable baseline file: " + e.getMessage());
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new ConfigException(file + ": not an evalgate baseline (\"schema\" must be \"" + SCHEMA + "\")."
                    + " Create one with: evalgate baseline save <run> " + file);
        }
        if (root.path("schema_version").asInt() != VERSION) {
            throw new ConfigException(file + ": baseline schema_version " + root.path("schema_version").asText()
                    + " is not supported by this version (it reads " + VERSION + ")");
        }
        List<String> scorers = new ArrayList<>();
        root.path("scorers").forEach(s -> scorers.add(s.asText()));
        List<String> slices = new ArrayList<>();
        root.path("slices").forEach(s -> slices.add(s.asText()));
        List<RunRecord.TargetSpec> specs = new ArrayList<>();
        List<TargetRecord> targets = new ArrayList<>();
        for (JsonNode t : root.path("targets")) {
            String id = t.path("id").asText();
            specs.add(new RunRecord.TargetSpec(id, t.path("spec").isNull() ? null : t.path("spec").asText()));
            List<CaseRecord> cases = new ArrayList<>();
            for (JsonNode c : t.path("cases")) {
                cases.add(new CaseRecord(c.path("id").asText(), Outcome.valueOf(c.path("outcome").asText()),
                        c.path("pass").asDouble(), c.path("score").asDouble(),
                        c.path("latency_ms").isNumber() ? c.path("latency_ms").asDouble() : Double.NaN,
                        c.path("tokens_in").isNumber() ? c.path("tokens_in").asLong() : null,
                        c.path("tokens_out").isNumber() ? c.path("tokens_out").asLong() : null,
                        c.path("cost_usd").isNumber() ? c.path("cost_usd").asDouble() : null, null, null,
                        tags(c.path("tags")),
                        c.path("ttft_ms").isNumber() ? c.path("ttft_ms").asDouble() : Double.NaN));
            }
            targets.add(new TargetRecord(id, cases));
        }
        return new RunRecord(root.path("run_id").asText(), root.path("suite").asText(),
                root.path("dataset_sha256").asText(null), scorers, specs, targets, slices);
    }

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new TreeMap<>();
        node.properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        return tags;
    }
}
