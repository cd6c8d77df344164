package dev.evalgate.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-file HTML report of a three-candidate classification run (made with {@code evalgate run} and
 * {@code evalgate report}), opened from disk with the network off.
 */
class ReportPageIT {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @TempDir
    static Path dir;
    private static Path report;

    private WatchedPage watched;
    private Page page;

    @BeforeAll
    static void runTheSuiteAndWriteItsReport() {
        RoutingSuite suite = RoutingSuite.in(dir);
        suite.run();
        report = dir.resolve("report.html");
        suite.report(report);
    }

    @BeforeEach
    void openTheReportOffline() {
        watched = WatchedPage.offline(chromium);
        page = watched.page();
        page.navigate(report.toUri().toString());
        assertThat(page.getByTestId("failure-count")).containsText(" of ");
    }

    @AfterEach
    void close() {
        watched.close();
    }

    /** The view JSON the report embeds, read back the way the page reads it. */
    private JsonNode view() throws Exception {
        String json = (String) page.evaluate("() => document.getElementById('evalgate-data').textContent");
        return new ObjectMapper().readTree(json);
    }

    @Test
    void every_section_draws_its_data_without_network_or_console_errors() throws Exception {
        assertThat(page.getByTestId("verdict")).isVisible();
        Locator candidates = page.locator("[data-testid=candidates-table] tbody tr");
        assertThat(candidates).hasCount(3);
        for (int i = 0; i < 3; i++) {
            assertThat(candidates.nth(i)).containsText(RoutingSuite.TARGETS.get(i));
        }
        // The latency chart draws one cumulative curve per candidate: a path of many segments each.
        assertThat(Charts.curves(page, "latency-chart")).isGreaterThanOrEqualTo(3);
        // The cost chart places every candidate as a labelled point.
        assertThat(Charts.texts(page, "cost-chart")).contains("majority", "keywords", "tfidf");
        // The heatmap draws a cell for every (expected, answered) pair of the candidate shown.
        JsonNode confusion = StreamSupport.stream(view().get("confusion").spliterator(), false)
                .filter(c -> c.get("target").asText().equals(page.getByTestId("confusion-target").inputValue()))
                .findFirst().orElseThrow();
        int cells = confusion.get("labels").size() * confusion.get("columns").size();
        assertThat(cells).isGreaterThanOrEqualTo(16);
        assertThat(Charts.shapes(page, "confusion-chart")).isGreaterThanOrEqualTo(cells);
        assertThat(Charts.texts(page, "confusion-chart")).contains("billing", "refund", "shipping");
        assertThat(page.locator("[data-testid=slices-table] tbody tr")).hasCount(3);
        assertThat(page.getByTestId("failure-row").first()).isVisible();

        page.screenshot(new Page.ScreenshotOptions().setPath(Screenshots.directory().resolve("report-first-screen.png")));
        for (String section : List.of("candidates", "latency", "cost", "confusion", "slices", "failures")) {
            page.getByTestId(section + "-section").screenshot(new Locator.ScreenshotOptions()
                    .setPath(Screenshots.directory().resolve("report-" + section + ".png")));
        }
        watched.screenshot("report-full-page");
        assertThat(watched.refusedRequests()).as("requests the report tried to make").isEmpty();
        assertThat(watched.consoleErrors()).isEmpty();
        assertThat(watched.dialogs()).isEmpty();
    }

    @Test
    void the_failure_search_and_candidate_filter_narrow_the_rows() throws Exception {
        JsonNode failures = view().get("failures");
        long ofTfidf = StreamSupport.stream(failures.spliterator(), false)
                .filter(f -> f.get("target").asText().equals("tfidf")).count();
        Locator rows = page.getByTestId("failure-row");
        assertThat(page.getByTestId("failure-count")).hasText("1–50 of " + failures.size());

        page.getByTestId("failure-search").fill("sr-0004");
        assertThat(page.getByTestId("failure-count")).hasText("1–3 of 3");
        assertThat(rows).hasCount(3);
        for (Locator row : rows.all()) {
            assertThat(row).hasAttribute("data-case", "sr-0004");
        }

        page.getByTestId("failure-search").fill("student discount");
        assertThat(rows.first()).containsText("is there a student discount on the plus plan");

        page.getByTestId("failure-search").fill("no case says this");
        assertThat(rows).hasCount(0);
        assertThat(page.getByTestId("failures-table")).containsText("No failure matches.");

        page.getByTestId("failure-search").fill("");
        page.getByTestId("failure-target-filter").selectOption("tfidf");
        assertThat(page.getByTestId("failure-count")).hasText("1–" + ofTfidf + " of " + ofTfidf);
        assertThat(rows).hasCount((int) ofTfidf);
        assertThat(page.locator("[data-testid=failure-row]:not([data-target=tfidf])")).hasCount(0);
        assertThat(watched.consoleErrors()).isEmpty();
    }

    @Test
    void the_confusion_matrix_redraws_for_another_candidate() {
        String before = Charts.texts(page, "confusion-chart").toString();
        page.getByTestId("confusion-target").selectOption("majority");

        // majority answers one label for every case, so the counts drawn differ from tfidf's.
        assertThat(page.getByTestId("confusion-target")).hasValue("majority");
        assertThat(Charts.texts(page, "confusion-chart").toString()).isNotEqualTo(before);
        page.getByTestId("confusion-section").screenshot(new Locator.ScreenshotOptions()
                .setPath(Screenshots.directory().resolve("report-confusion-majority.png")));
        assertThat(watched.consoleErrors()).isEmpty();
    }
}
