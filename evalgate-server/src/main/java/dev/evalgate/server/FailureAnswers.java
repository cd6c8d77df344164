package dev.evalgate.server;

import dev.evalgate.store.StoreException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * How the server answers a request that fails: one line of JSON {@code {"error": ...}} under /api (plain text
 * elsewhere) with a status that says whose fault it is, never a stack trace, which would show our internals.
 *
 * <p>Javalin maps only {@link Exception}s; an {@link Error} (a stack overflow, an assertion, memory running out)
 * would leave an empty 500. So every handler is wrapped with {@link #guard}, which hands an Error to the same
 * mapping as any other bug.
 */
final class FailureAnswers {

    private FailureAnswers() {
    }

    /** Registers the answers: 4xx for requests to change, 503 when the store fails, 500 for bugs, and 404s. */
    static void register(JavalinConfig config) {
        config.routes.exception(ApiError.class, (e, ctx) -> Responses.error(ctx, e.status(), e.getMessage()));
        config.routes.exception(StoreException.class,
                (e, ctx) -> Responses.error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
        config.routes.exception(Exception.class,
                (e, ctx) -> bug(ctx, e instanceof ErrorThrown thrown ? thrown.getCause() : e));
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                Responses.error(ctx, HttpStatus.NOT_FOUND, "no page or API at " + ctx.path()
                        + "; the dashboard starts at /");
            }
        });
    }

    /** The handler, with any {@link Error} it throws answered as a bug instead of an empty 500. */
    static Handler guard(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Error e) {
                // Thrown on as an exception, so a before-handler's Error also stops the request there.
                throw new ErrorThrown(e);
            }
        };
    }

    private static void bug(Context ctx, Throwable e) {
        Responses.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "the dashboard failed to answer this request ("
                + e.getClass().getSimpleName() + ")");
    }

    /** An Error carried through Javalin's exception mapping, which takes only exceptions. */
    private static final class ErrorThrown extends RuntimeException {
        ErrorThrown(Error cause) {
            super(cause.getClass().getName(), cause, false, false);
        }
    }
}
