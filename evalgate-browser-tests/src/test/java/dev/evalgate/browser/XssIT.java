package dev.evalgate.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.evalgate.server.DashboardServer;
import dev.evalgate.server.ServerOptions;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Markup in a case's input, expected answer, model output, id and tags must reach the reader as text: the report
 * and the dashboard show it, and no element or script comes of it — not in tables, charts or tooltips.
 */
class XssIT {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    static final String INPUT = "<img src=x onerror=alert(1)>";
    static final String EXPECTED = "<img src=x onerror=alert(2)>";
    static final String OUTPUT = "<img src=x onerror=alert(3)>";
    static final String TAG = "<img src=x onerror=alert(4)>";
    static final String CASE_ID = "<img src=x onerror=alert(5)>";
    private static final String SUITE = "xss-probe";

    @TempDir
    static Path dir;
    private static Path report;
    private static Store store;
    private static DashboardServer server;

    /** Two runs: in the first the hostile case passes, in the second the model answers with other markup. */
    @BeforeAll
    static void storeTwoRunsWithHostileTextAndReportThem() {
        String db = dir.resolve("evalgate.db").toString();
        StoredRun.writeAll(db, List.of(run("xss-1", EXPECTED), run("xss-2", OUTPUT)));
        report = dir.resolve("report.html");
        RoutingSuite.evalgate("report", "xss-2", "--compare", "xss-1", "--store", db, "--config",
                dir.resolve("none.yaml").toString(), "--html", report.toString());
        store = Store.open(db);
        server = DashboardServer.start(store, ServerOptions.local());
    }

    private static StoredRun run(String runId, String hostileAnswer) {
        StoredRun run = new StoredRun(SUITE, runId);
        run.answer(new StoredRun.Answer("bot", CASE_ID, INPUT, EXPECTED, hostileAnswer, 30, Map.of("channel", TAG)));
        List<String> labels = List.of("billing", "refund", "billing", "shipping", "refund");
        for (int i = 0; i < labels.size(); i++) {
            String answer = i == 1 ? "billing" : labels.get(i);
            run.answer(new StoredRun.Answer("bot", "c" + i, "message " + i, labels.get(i), answer, 20 + i,
                    Map.of("channel", "chat")));
        }
        return run;
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void the_report_shows_markup_from_the_data_as_text() {
        try (WatchedPage watched = WatchedPage.offline(chromium)) {
            Page page = watched.page();
            page.navigate(report.toUri().toString());
            assertThat(page.getByTestId("flip-row")).hasCount(1);

            assertShownAsText(watched, "xss-report");
        }
    }

    @Test
    void the_dashboard_shows_markup_from_the_data_as_text() {
        try (WatchedPage watched = WatchedPage.confinedTo(chromium, Origins.of(server.url()))) {
            Page page = watched.page();
            page.navigate(server.url() + "compare?base=xss-1&head=xss-2");
            assertThat(page.getByTestId("flip-row")).hasCount(1);
            assertShownAsText(watched, "xss-dashboard-compare");

            page.navigate(server.url() + "suites/" + SUITE);
            page.locator("[data-testid=trend-chart] svg").first().waitFor();
            assertThat(Charts.showEveryTooltip(page, "[data-testid=trend-chart]")).isPositive();
            assertNoMarkupRan(watched);
        }
    }

    private static void assertShownAsText(WatchedPage watched, String screenshot) {
        Page page = watched.page();
        Locator failure = page.getByTestId("failure-row").filter(new Locator.FilterOptions().setHasText(INPUT));
        assertThat(failure).hasCount(1);
        assertThat(failure).isVisible();
        failure.click();
        for (String text : List.of(CASE_ID, INPUT, EXPECTED, OUTPUT)) {
            assertThat(failure).containsText(text);
        }
        Locator flip = page.getByTestId("flip-row");
        for (String text : List.of(CASE_ID, EXPECTED, OUTPUT)) {
            assertThat(flip).containsText(text);
        }
        assertThat(page.getByTestId("slices-table")).containsText(TAG);
        assertThat(Charts.texts(page, "confusion-chart")).anyMatch(t -> t.contains("<img"));

        page.getByTestId("failure-search").fill("onerror=alert(3)");
        assertThat(page.getByTestId("failure-row")).hasCount(1);
        // ECharts builds tooltips as HTML, a way round the text-only DOM code: show every one.
        for (String chart : List.of("latency-chart", "cost-chart", "confusion-chart")) {
            assertThat(Charts.showEveryTooltip(page, "[data-testid=" + chart + "]")).as(chart).isPositive();
        }
        watched.screenshot(screenshot);
        assertNoMarkupRan(watched);
    }

    private static void assertNoMarkupRan(WatchedPage watched) {
        assertThat(watched.page().locator("img[src=x], img[src='x']")).hasCount(0);
        assertThat(watched.page().locator("[onerror], [onload]")).hasCount(0);
        assertThat(watched.dialogs()).as("alert() calls the data made").isEmpty();
        assertThat(watched.consoleErrors()).isEmpty();
        assertThat(watched.refusedRequests()).isEmpty();
    }
}
