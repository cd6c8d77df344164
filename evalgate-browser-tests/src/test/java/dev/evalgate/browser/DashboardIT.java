package dev.evalgate.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.evalgate.error.ConfigException;
import dev.evalgate.server.DashboardServer;
import dev.evalgate.server.ServerOptions;
import dev.evalgate.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.evalgate.browser.RoutingHistory.RUNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard over a store of twenty runs of one suite, clicked through in the browser. */
class DashboardIT {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static final String TOKEN = "browser-test-token-4f1c";

    @TempDir
    static Path dir;
    private static Store store;
    private static DashboardServer server;

    private WatchedPage watched;
    private Page page;

    @BeforeAll
    static void startTheDashboardOverTwentyRuns() {
        String db = dir.resolve("evalgate.db").toString();
        RoutingHistory.write(db);
        store = Store.open(db);
        server = DashboardServer.start(store, ServerOptions.local());
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @BeforeEach
    void openAPage() {
        watched = WatchedPage.confinedTo(chromium, Origins.of(server.url()));
        page = watched.page();
    }

    @AfterEach
    void noErrorsAndNothingFetchedElsewhere() {
        try {
            assertThat(watched.consoleErrors()).isEmpty();
            assertThat(watched.refusedRequests()).as("requests to other origins").isEmpty();
            assertThat(watched.dialogs()).isEmpty();
        } finally {
            watched.close();
        }
    }

    @Test
    void the_suite_page_draws_the_trend_of_all_twenty_runs() {
        page.navigate(server.url());
        assertThat(page.getByTestId("suite-row")).hasCount(1);
        assertThat(page.getByTestId("suite-row")).containsText(RoutingHistory.SUITE);
        watched.screenshot("dashboard-suites");

        page.getByTestId("suite-link").click();

        String passRate = "[data-testid=trend-chart][data-metric=passRate]";
        page.locator(passRate + " svg").waitFor();
        assertThat(Charts.seriesLengths(page, passRate, "line-")).containsExactly(RUNS, RUNS);
        // one marker per run and target on top of the axes, bands and lines
        assertThat(Charts.shapes(page, passRate)).isGreaterThanOrEqualTo(RoutingHistory.TARGETS.size() * RUNS);
        // runs sit on a time axis, the newest one labelled with its commit
        assertThat(page.locator(passRate + " svg text").filter(new Locator.FilterOptions()
                .setHasText(RoutingHistory.commit(RUNS - 1).substring(0, 7)))).hasCount(1);
        assertThat(page.locator(passRate + " svg text").filter(new Locator.FilterOptions()
                .setHasText("Mar 1"))).not().hasCount(0);
        assertThat(page.getByTestId("run-row")).hasCount(RUNS);
        assertThat(page.getByTestId("run-row").first()).hasAttribute("data-run-id", RoutingHistory.runId(RUNS - 1));
        assertThat(page.getByTestId("run-row").first())
                .containsText(RoutingHistory.commit(RUNS - 1).substring(0, 7));
        watched.screenshot("dashboard-suite");
    }

    @Test
    void three_clicks_lead_from_the_suites_to_a_failing_cases_detail() {
        page.navigate(server.url());

        page.getByTestId("suite-link").click();
        page.locator("[data-testid=run-list] [data-testid=run-link]").first().click();
        Locator row = page.getByTestId("failure-row").first();
        row.click();

        assertThat(page).hasURL(server.url() + "runs/" + RoutingHistory.runId(RUNS - 1));
        String caseId = row.getAttribute("data-case");
        int i = Integer.parseInt(caseId.substring(3));
        assertThat(row).hasClass(Pattern.compile("\\beg-open\\b"));
        assertThat(row.locator(".eg-input")).isVisible();
        assertThat(row.locator(".eg-input")).hasText(RoutingHistory.input(i));
        assertThat(row).containsText(RoutingHistory.expected(i));
        assertThat(page.getByTestId("failure-count")).containsText("of " + failures(RUNS - 1));
        // these runs were stored without a gate: the page says why there is no verdict instead of leaving a gap
        assertThat(page.getByTestId("verdict-note")).containsText("No verdict: ");
        watched.screenshot("dashboard-run");
    }

    @Test
    void compare_shows_the_paired_statistics_and_every_flipped_case() {
        page.navigate(server.url() + "suites/" + RoutingHistory.SUITE);
        page.locator("[data-testid=run-row][data-run-id=run-20] [data-testid=compare-link]").click();

        assertThat(page.getByTestId("compare-view")).isVisible();
        Locator stats = page.locator("[data-testid=compare-table] tbody tr");
        assertThat(stats).hasCount(RoutingHistory.TARGETS.size());
        assertThat(page.locator("[data-testid=compare-table] thead")).containsText("McNemar");
        for (int t = 0; t < RoutingHistory.TARGETS.size(); t++) {
            Locator target = page.locator("[data-testid=compare-table] tr[data-target="
                    + RoutingHistory.TARGETS.get(t) + "]");
            assertThat(target).containsText(percent(passed(RUNS - 2, t)) + " → " + percent(passed(RUNS - 1, t)));
            assertThat(target).containsText(" pp");
        }
        int flips = 0;
        for (int t = 0; t < RoutingHistory.TARGETS.size(); t++) {
            for (int i = 0; i < RoutingHistory.CASES; i++) {
                flips += RoutingHistory.passes(RUNS - 2, t, i) != RoutingHistory.passes(RUNS - 1, t, i) ? 1 : 0;
            }
        }
        assertThat(flips).isPositive();
        assertThat(page.getByTestId("flip-row")).hasCount(flips);
        page.getByTestId("compare-section").screenshot(new Locator.ScreenshotOptions()
                .setPath(Screenshots.directory().resolve("dashboard-compare-section.png")));
        watched.screenshot("dashboard-compare");
    }

    @Test
    void on_another_interface_the_dashboard_opens_with_its_token_and_refuses_without_it() {
        // A machine without another interface (a sandbox, a network namespace) checks the same rule on loopback.
        String host = Interfaces.nonLoopbackAddress().orElse(ServerOptions.LOOPBACK);
        if (!host.equals(ServerOptions.LOOPBACK)) {
            assertThatThrownBy(() -> new ServerOptions(host, 0, null)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("--token");
        }
        try (DashboardServer guarded = DashboardServer.start(store, new ServerOptions(host, 0, TOKEN));
             WatchedPage visitor = WatchedPage.confinedTo(chromium, Origins.of(guarded.url()))) {
            Page page = visitor.page();
            assertThat(guarded.url()).startsWith("http://" + host + ":");

            Response refused = page.navigate(guarded.url());
            assertThat(refused.status()).isEqualTo(401);
            assertThat(page.locator("body")).containsText("needs its token");
            assertThat(page.navigate(guarded.url() + "?token=wrong-" + TOKEN).status()).isEqualTo(401);

            Response opened = page.navigate(guarded.url() + "?token=" + TOKEN);
            assertThat(opened.status()).isEqualTo(200);
            assertThat(page).hasURL(guarded.url()); // the token left the address bar
            assertThat(page.getByTestId("suite-row")).hasCount(1);
            page.getByTestId("suite-link").click(); // the cookie carries the session to the next page and the API
            assertThat(page.getByTestId("run-row")).hasCount(RUNS);
            assertThat(visitor.dialogs()).isEmpty();
            assertThat(visitor.consoleErrors()).as("only the refusals").allMatch(e -> e.contains("401"));
            visitor.screenshot("dashboard-with-token");
        }
    }

    private static int passed(int run, int t) {
        int n = 0;
        for (int i = 0; i < RoutingHistory.CASES; i++) {
            n += RoutingHistory.passes(run, t, i) ? 1 : 0;
        }
        return n;
    }

    private static int failures(int run) {
        int n = 0;
        for (int t = 0; t < RoutingHistory.TARGETS.size(); t++) {
            n += RoutingHistory.CASES - passed(run, t);
        }
        return n;
    }

    private static String percent(int passed) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * passed / RoutingHistory.CASES);
    }
}
