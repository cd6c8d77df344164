package dev.evalgate.server;

import dev.evalgate.error.ConfigException;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoreException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;

/**
 * The read-only dashboard over a store: HTML pages and the JSON API they read, on one port.
 *
 * <p>Start it with {@link #start}; {@link #close} stops it. It never writes to the store.
 */
public final class DashboardServer implements AutoCloseable {

    // The pages load scripts and styles from this server only; no inline script can run, whatever data holds.
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final Javalin app;
    private final ServerOptions options;

    private DashboardServer(Javalin app, ServerOptions options) {
        this.app = app;
        this.options = options;
    }

    /**
     * Starts serving {@code store} as {@code options} say and returns once the port is bound.
     *
     * @throws ConfigException when the port cannot be bound
     */
    public static DashboardServer start(Store store, ServerOptions options) {
        AccessGuard guard = AccessGuard.of(options);
        SuiteApi suites = new SuiteApi(store);
        RunApi runs = new RunApi(store, new RunViews(store));
        Javalin app = Javalin.create(config -> {
            quiet(config);
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Content-Security-Policy", CSP);
                guard.check(ctx);
            });
            config.routes.get("/api/suites", suites::suites);
            config.routes.get("/api/suites/{suite}/runs", suites::runs);
            config.routes.get("/api/runs/{id}", runs::run);
            config.routes.get("/api/runs/{id}/failures", runs::failures);
            config.routes.get("/api/compare", runs::compare);
            config.routes.get("/", Pages.page("suites"));
            config.routes.get("/suites/{suite}", Pages.page("suite"));
            config.routes.get("/runs/{id}", Pages.page("run"));
            config.routes.get("/compare", Pages.page("compare"));
            config.routes.get("/assets/dashboard.js", Pages::dashboardJs);
            config.routes.get("/assets/trend.js", Pages::trendJs);
            config.routes.get("/assets/dashboard.css", Pages::dashboardCss);
            config.routes.get("/assets/echarts.min.js", Pages::echartsJs);
            config.routes.get("/assets/report.css", Pages::reportCss);
            config.routes.get("/assets/run-view.js", Pages::runViewJs);
            config.routes.exception(ApiError.class, (e, ctx) -> Responses.error(ctx, e.status(), e.getMessage()));
            config.routes.exception(StoreException.class,
                    (e, ctx) -> Responses.error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
            // Anything else is a bug: say so without a stack trace, which would show the user our internals.
            config.routes.exception(Exception.class, (e, ctx) -> Responses.error(ctx,
                    HttpStatus.INTERNAL_SERVER_ERROR, "the dashboard failed to answer this request ("
                            + e.getClass().getSimpleName() + ")"));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    Responses.error(ctx, HttpStatus.NOT_FOUND, "no page or API at " + ctx.path()
                            + "; the dashboard starts at /");
                }
            });
        });
        try {
            app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            app.stop();
            throw new ConfigException("cannot serve the dashboard on " + options.host() + ":" + options.port()
                    + " (" + rootMessage(e) + "); pick another --port, or 0 for any free one", e);
        }
        return new DashboardServer(app, options);
    }

    private static void quiet(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.generateEtags = true;
    }

    /** The port bound, which is the system's choice when the options asked for 0. */
    public int port() {
        return app.port();
    }

    /** The address to open, e.g. {@code http://127.0.0.1:7070/}. */
    public String url() {
        String host = options.host();
        String shown = host.equals("0.0.0.0") || host.equals("::") ? ServerOptions.LOOPBACK
                : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + "/";
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
