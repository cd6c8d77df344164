package dev.evalgate.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The front-end files of the run view, read from the class path once: ECharts from its WebJar, the stylesheet and
 * {@code run-view.js}. The HTML report inlines them; the dashboard serves them. Nothing is fetched from a network.
 */
public final class Assets {

    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    static final String CSS = "/dev/evalgate/report/html/report.css";
    static final String RUN_VIEW = "/dev/evalgate/report/html/run-view.js";

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Assets() {
    }

    /** ECharts 5.3.1, minified (about 1 MB). */
    public static String echartsJs() {
        return read(ECHARTS);
    }

    /** The stylesheet of the run view and the report page. */
    public static String reportCss() {
        return read(CSS);
    }

    /** The script that defines {@code EvalgateRunView.render(root, view, options)}. */
    public static String runViewJs() {
        return read(RUN_VIEW);
    }

    private static String read(String resource) {
        return CACHE.computeIfAbsent(resource, Assets::load);
    }

    private static String load(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the class path lacks " + resource + "; the evalgate-report jar (or"
                        + " the echarts WebJar it depends on) is incomplete: rebuild with mvn install");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
    }
}
