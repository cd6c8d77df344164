package dev.evalgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.run.RunInfo;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredRun;
import dev.evalgate.store.SuiteSummary;
import io.javalin.http.Context;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /api/suites} and {@code GET /api/suites/{suite}/runs}: the suites, and one suite's recent runs with
 * each target's headline numbers, read from the metrics the runner stored when each run finished.
 */
final class SuiteApi {

    static final int DEFAULT_RUNS = 20;
    static final int MAX_RUNS = 500;

    private final Store store;

    SuiteApi(Store store) {
        this.store = store;
    }

    void suites(Context ctx) {
        ArrayNode suites = Responses.MAPPER.createArrayNode();
        for (SuiteSummary suite : store.suites()) {
            suites.addObject()
                    .put("name", suite.name())
                    .put("runs", suite.runs())
                    .put("lastRunId", suite.lastRunId())
                    .put("lastStartedAt", suite.lastStarted().toString());
        }
        Responses.json(ctx, suites);
    }

    void runs(Context ctx) {
        String suite = ctx.pathParam("suite");
        int limit = Params.integer(ctx, "limit", DEFAULT_RUNS, 1, MAX_RUNS);
        List<StoredRun> runs = store.history(suite, limit);
        if (runs.isEmpty()) {
            throw ApiError.notFound("no runs of suite \"" + suite + "\" in the store; GET /api/suites lists the "
                    + "suites there are");
        }
        ArrayNode body = Responses.MAPPER.createArrayNode();
        runs.forEach(run -> {
            ObjectNode point = point(run);
            // a run written in shards says how many finished: "3 of 4 shards complete"
            store.shards(run.runId()).filter(p -> p.count() > 1).ifPresent(p -> point.put("shards", p.describe()));
            body.add(point);
        });
        Responses.json(ctx, body);
    }

    /** One run as a point of the suite's trend. */
    static ObjectNode point(StoredRun run) {
        ObjectNode point = Responses.object()
                .put("runId", run.runId())
                .put("startedAt", run.summary().started().toString())
                .put("status", run.status().name().toLowerCase(java.util.Locale.ROOT));
        GitInfo git = run.summary().git();
        point.put("commit", git == null ? null : git.commit());
        point.put("branch", git == null ? null : git.branch());
        if (git != null && git.dirty() != null) {
            point.put("dirty", git.dirty());
        }
        ArrayNode targets = point.putArray("targets");
        for (RunInfo.TargetInfo target : run.info().targets()) {
            targets.add(target(target.id(), run.metricsJson().get(target.id())));
        }
        return point;
    }

    // Field names follow the run view's target rows, so the pages read both alike.
    private static ObjectNode target(String id, String metricsJson) {
        ObjectNode row = Responses.object().put("id", id);
        JsonNode m = metricsJson == null ? Responses.object() : read(metricsJson);
        row.set("n", m.path("cases").isNumber() ? m.get("cases") : null);
        row.set("passRate", number(m.path("passRate")));
        row.set("passLo", number(m.path("passRateInterval").path("lower")));
        row.set("passHi", number(m.path("passRateInterval").path("upper")));
        row.set("p95", number(m.path("latency").path("p95")));
        row.set("costPerRequest", number(m.path("cost").path("perRequestUsd")));
        row.set("errorRate", number(m.path("errorRate")));
        return row;
    }

    /** The node if it is a number; null for missing, null, or the "Infinity" of an unbounded side. */
    private static JsonNode number(JsonNode node) {
        return node.isNumber() ? node : Responses.MAPPER.nullNode();
    }

    private static JsonNode read(String json) {
        try {
            return Responses.MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
