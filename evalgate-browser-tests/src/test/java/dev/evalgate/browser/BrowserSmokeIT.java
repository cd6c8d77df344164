package dev.evalgate.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The browser harness itself: the system Chromium starts, runs scripts, and the network guard catches leaks. */
class BrowserSmokeIT {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static final String PAGE = """
            <!doctype html><html><body>
            <h1 data-testid="title">evalgate</h1>
            <button data-testid="go" onclick="document.querySelector('[data-testid=out]').textContent =
                'clicked ' + window.innerWidth + 'x' + window.innerHeight">go</button>
            <p data-testid="out"></p>
            </body></html>
            """;

    @Test
    void runs_scripts_in_a_1400_by_1000_viewport_and_saves_a_screenshot() {
        try (WatchedPage watched = WatchedPage.offline(chromium)) {
            Page page = watched.page();
            page.setContent(PAGE);

            page.getByTestId("go").click();

            assertThat(page.getByTestId("out")).hasText("clicked 1400x1000");
            Path shot = watched.screenshot("smoke");
            assertThat(shot).isRegularFile();
            assertThat(watched.consoleErrors()).isEmpty();
            assertThat(watched.refusedRequests()).isEmpty();
        }
    }

    @Test
    void the_network_guard_records_a_request_to_the_outside(@TempDir Path dir)
            throws Exception {
        Path html = dir.resolve("leak.html");
        Files.writeString(html, "<!doctype html><img src=\"https://example.com/pixel.png\">");
        try (WatchedPage watched = WatchedPage.offline(chromium)) {
            watched.page().navigate(html.toUri().toString());
            watched.page().waitForLoadState();

            assertThat(watched.refusedRequests()).containsExactly("https://example.com/pixel.png");
        }
    }

    @Test
    void records_dialogs_and_uncaught_errors() {
        try (WatchedPage watched = WatchedPage.offline(chromium)) {
            watched.page().setContent("<script>alert('hi'); console.error('boom');</script>");

            assertThat(watched.dialogs()).containsExactly("alert: hi");
            assertThat(watched.consoleErrors()).singleElement().asString().startsWith("boom");
        }
    }
}
