package dev.evalgate.server;

import dev.evalgate.report.html.Assets;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's pages and the files they load.
 *
 * <p>Every page is the same static HTML shell; the only thing that differs is a fixed page name the server
 * writes into it. The page's script reads the suite or run from the address and fetches everything else from
 * the JSON API, inserting it as text — so no data ever passes through HTML the server builds.
 */
final class Pages {

    private static final String SHELL = "dev/evalgate/server/page.html";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Pages() {
    }

    /** A handler that answers with the shell for {@code page} (one of suites, suite, run, compare, label). */
    static io.javalin.http.Handler page(String page) {
        String html = resource(SHELL).replace("{{page}}", page);
        return ctx -> ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result(html);
    }

    static void dashboardJs(Context ctx) {
        script(ctx, resource("dev/evalgate/server/dashboard.js"));
    }

    static void trendJs(Context ctx) {
        script(ctx, resource("dev/evalgate/server/trend.js"));
    }

    static void labelJs(Context ctx) {
        script(ctx, resource("dev/evalgate/server/label.js"));
    }

    static void dashboardCss(Context ctx) {
        css(ctx, resource("dev/evalgate/server/dashboard.css"));
    }

    // The run view's files belong to the report; the dashboard serves the very same ones.
    static void echartsJs(Context ctx) {
        script(ctx, Assets.echartsJs());
    }

    static void reportCss(Context ctx) {
        css(ctx, Assets.reportCss());
    }

    static void runViewJs(Context ctx) {
        script(ctx, Assets.runViewJs());
    }

    private static void script(Context ctx, String body) {
        ctx.contentType("text/javascript; charset=utf-8").header("Cache-Control", "no-cache").result(body);
    }

    private static void css(Context ctx, String body) {
        ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "no-cache").result(body);
    }

    /** A text file on the class path, read once. */
    static String resource(String path) {
        return CACHE.computeIfAbsent(path, p -> {
            try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(p)) {
                if (in == null) {
                    throw new IllegalStateException("the dashboard resource " + p + " is missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
