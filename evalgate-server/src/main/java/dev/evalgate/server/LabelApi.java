package dev.evalgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.calibration.LabelItem;
import dev.evalgate.calibration.LabelsFile;
import dev.evalgate.store.JudgedOutputs;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredRun;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code GET /api/runs/{id}/labels} — the judged outputs still to label, in labelling order, with the progress — and
 * {@code POST /api/runs/{id}/labels} — one person's verdict on one of them, written to the labels file.
 *
 * <p>The POST is the dashboard's only write, and it writes the labels file alone, never the store. Both take
 * {@code scorer} (default {@code judge}) and {@code target}; the GET also {@code seed} (default 1, as
 * {@code evalgate label}), {@code offset} and {@code limit}.
 */
final class LabelApi {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final String EXAMPLE = "{\"id\": \"<an item's id>\", \"verdict\": \"pass\", \"note\": \"\"}";

    // One labels file is read, changed and replaced per label; two tabs labelling at once must not lose a label.
    private static final Object WRITING = new Object();

    private final JudgedItems judgedItems;
    private final RunViews views;
    private final WriteGuard writes;
    private final Path labelsDir;

    LabelApi(Store store, RunViews views, WriteGuard writes, Path labelsDir) {
        this.judgedItems = new JudgedItems(store);
        this.views = views;
        this.writes = writes;
        this.labelsDir = labelsDir;
    }

    void items(Context ctx) {
        Request request = request(ctx);
        long seed = Params.integer(ctx, "seed", 1, 0, Integer.MAX_VALUE);
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 0, MAX_LIMIT);
        LabelBoard board = LabelBoard.read(request.items(), request.location());
        List<LabelItem> open = board.open(seed);
        ObjectNode body = progress(request, board);
        body.put("suite", request.run().info().suite()).put("seed", seed).put("offset", offset).put("limit", limit)
                .put("writeToken", writes.token());
        ArrayNode rows = body.putArray("items");
        open.stream().skip(offset).limit(limit).forEach(item -> rows.add(Responses.object()
                .put("id", LabelBoard.id(item)).put("caseId", item.caseId()).put("target", item.target())
                .put("input", item.input()).put("expected", item.expected()).put("output", item.output())
                .put("judgePass", item.judgePass()).put("judgeReason", item.judgeReason())));
        Responses.json(ctx, body);
    }

    void label(Context ctx) {
        writes.check(ctx);
        JsonNode posted = body(ctx);
        String id = posted.path("id").asText("");
        String verdict = posted.path("verdict").asText("");
        if (!verdict.equals("pass") && !verdict.equals("fail")) {
            throw ApiError.badRequest("verdict must be \"pass\" or \"fail\", got \"" + verdict + "\"; e.g. " + EXAMPLE);
        }
        String note = posted.path("note").isTextual() ? posted.path("note").asText().strip() : "";
        Request request = request(ctx);
        if (!request.location().canWrite()) {
            throw ApiError.conflict(request.location().problem());
        }
        synchronized (WRITING) {
            LabelBoard board = LabelBoard.read(request.items(), request.location());
            LabelItem item = board.find(id).orElseThrow(() -> ApiError.notFound("run " + request.run().runId()
                    + " has no output judged by '" + request.scorer() + "' with id \"" + id + "\"; GET the items "
                    + "again for their ids"));
            LabelBoard after = new LabelBoard(board.items(),
                    LabelsFile.with(board.labels(), item.label(verdict.equals("pass"), note)));
            try {
                LabelsFile.write(request.location().file(), after.labels());
            } catch (UncheckedIOException e) {
                throw ApiError.conflict(e.getMessage() + "; make the folder writable, or start `evalgate serve "
                        + "--labels-dir <folder>`");
            }
            Responses.json(ctx, progress(request, after).put("saved", LabelBoard.id(item)));
        }
    }

    /** What both routes share: the run, the scorer, its judged outputs and where their labels go. */
    private record Request(StoredRun run, String scorer, String target, List<LabelItem> items,
                           LabelsLocation location) {
    }

    private Request request(Context ctx) {
        StoredRun run = views.requireRun(ctx.pathParam("id")); // "last" names the newest run
        String scorer = blankIsNull(ctx.queryParam("scorer"));
        scorer = scorer == null ? "judge" : scorer;
        String target = blankIsNull(ctx.queryParam("target"));
        LabelsLocation location = LabelsLocation.of(run.info(), scorer, labelsDir);
        JudgedOutputs judged = judgedItems.of(run, scorer, target);
        if (judged.items().isEmpty()) {
            throw ApiError.notFound("run " + run.runId() + " has no output judged by scorer '" + scorer + "'"
                    + (target == null ? "" : " for target '" + target + "'")
                    + (judged.scorers().isEmpty() ? "" : "; its scorers are " + String.join(", ", judged.scorers()))
                    + ". Name the judge scorer with ?scorer=<id>.");
        }
        return new Request(run, scorer, target, judged.items(), location);
    }

    private static ObjectNode progress(Request request, LabelBoard board) {
        int labelled = board.labelled();
        return Responses.object().put("runId", request.run().runId()).put("scorer", request.scorer())
                .put("target", request.target())
                .put("labelsFile", request.location().file() == null ? null : request.location().file().toString())
                .put("writeProblem", request.location().problem()).put("judged", board.judged().size())
                .put("judgeErrors", board.judgeErrors()).put("labelled", labelled)
                .put("toGo", board.judged().size() - labelled);
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = Responses.MAPPER.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("the body must be a JSON object, e.g. " + EXAMPLE);
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("the body is not JSON; send e.g. " + EXAMPLE);
        }
    }

    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
