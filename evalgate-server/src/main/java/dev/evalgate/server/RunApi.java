package dev.evalgate.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.store.FailureFilter;
import dev.evalgate.store.FailurePage;
import dev.evalgate.store.Store;
import io.javalin.http.Context;

/**
 * {@code GET /api/runs/{id}}, {@code GET /api/runs/{id}/failures} and {@code GET /api/compare}: one run's view,
 * a page of its failures, and one run's view against another.
 */
final class RunApi {

    static final int DEFAULT_PAGE = 50;

    private final Store store;
    private final RunViews views;

    RunApi(Store store, RunViews views) {
        this.store = store;
        this.views = views;
    }

    void run(Context ctx) {
        Responses.json(ctx, views.view(ctx.pathParam("id"), null));
    }

    void compare(Context ctx) {
        String base = Params.required(ctx, "base", "/api/compare?base=<run id>&head=<run id>");
        String head = Params.required(ctx, "head", "/api/compare?base=<run id>&head=<run id>");
        Responses.json(ctx, views.view(head, base));
    }

    void failures(Context ctx) {
        String runId = views.requireRun(ctx.pathParam("id")).runId(); // "last" names the newest run
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "limit", DEFAULT_PAGE, 1, FailureFilter.MAX_LIMIT);
        FailurePage page = store.failures(runId,
                new FailureFilter(ctx.queryParam("target"), ctx.queryParam("q"), offset, limit));
        ObjectNode body = Responses.object().put("total", page.total()).put("offset", offset).put("limit", limit);
        ArrayNode rows = body.putArray("rows");
        page.rows().forEach(row -> rows.add(FailureRows.json(row)));
        Responses.json(ctx, body);
    }
}
