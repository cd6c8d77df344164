package dev.evalgate.server;

import dev.evalgate.error.ConfigException;
import dev.evalgate.store.Store;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;

/**
 * The dashboard over a store: HTML pages and the JSON API they read, on one port.
 *
 * <p>Start it with {@link #start}; {@link #close} stops it. It never writes to the store. Its one write is the
 * labelling page's {@code POST /api/runs/{id}/labels}, which changes only a labels file and passes
 * {@link WriteGuard} as well as {@link AccessGuard}.
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
        RunViews views = new RunViews(store);
        RunApi runs = new RunApi(store, views);
        LabelApi labels = new LabelApi(store, views, WriteGuard.random(), options.labelsDir());
        Javalin app = Javalin.create(config -> {
            quiet(config);
            config.routes.before(FailureAnswers.guard(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Content-Security-Policy", CSP);
                guard.check(ctx);
            }));
            get(config, "/api/suites", suites::suites);
            get(config, "/api/suites/{suite}/runs", suites::runs);
            get(config, "/api/runs/{id}", runs::run);
            get(config, "/api/runs/{id}/failures", runs::failures);
            get(config, "/api/compare", runs::compare);
            get(config, "/api/runs/{id}/labels", labels::items);
            // the guard above runs before every method, so the write needs the token like every read
            config.routes.post("/api/runs/{id}/labels", FailureAnswers.guard(labels::label));
            get(config, "/", Pages.page("suites"));
            get(config, "/suites/{suite}", Pages.page("suite"));
            get(config, "/runs/{id}", Pages.page("run"));
            get(config, "/compare", Pages.page("compare"));
            get(config, "/runs/{id}/label", Pages.page("label"));
            get(config, "/assets/dashboard.js", Pages::dashboardJs);
            get(config, "/assets/trend.js", Pages::trendJs);
            get(config, "/assets/label.js", Pages::labelJs);
            get(config, "/assets/dashboard.css", Pages::dashboardCss);
            get(config, "/assets/echarts.min.js", Pages::echartsJs);
            get(config, "/assets/report.css", Pages::reportCss);
            get(config, "/assets/run-view.js", Pages::runViewJs);
            FailureAnswers.register(config);
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

    /** A GET route whose every failure, Errors included, is answered by {@link FailureAnswers}. */
    private static void get(JavalinConfig config, String path, Handler handler) {
        config.routes.get(path, FailureAnswers.guard(handler));
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
