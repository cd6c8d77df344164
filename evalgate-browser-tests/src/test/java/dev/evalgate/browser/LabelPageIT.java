package dev.evalgate.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.evalgate.calibration.Label;
import dev.evalgate.calibration.LabelItem;
import dev.evalgate.calibration.LabelSample;
import dev.evalgate.calibration.LabelsFile;
import dev.evalgate.server.DashboardServer;
import dev.evalgate.server.ServerOptions;
import dev.evalgate.store.JudgedOutputs;
import dev.evalgate.store.Store;
import dev.evalgate.store.StoredCaseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person labels a judged run on the dashboard behind a token: three labels, a reload, and the labels are kept;
 * markup in the data stays text.
 */
class LabelPageIT {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static final String TOKEN = "label-page-token-71ab";
    private static final String RUN = "run-judged-1";
    private static final int CASES = 12;

    @TempDir
    static Path dir;
    private static Path labels;
    private static Store store;
    private static DashboardServer server;

    @BeforeAll
    static void startTheDashboardOverAJudgedRun() throws IOException {
        Path suiteDir = Files.createDirectories(dir.resolve("support"));
        labels = suiteDir.resolve("labels").resolve("judge.jsonl");
        store = Store.open(dir.resolve("evalgate.db").toString());
        JudgedRun.write(store, RUN, suiteDir.resolve("evalgate.yaml"), CASES);
        server = DashboardServer.start(store, ServerOptions.local().withToken(TOKEN));
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    @Test
    void three_labels_given_with_clicks_and_a_key_are_kept_after_a_reload() throws IOException {
        try (WatchedPage watched = WatchedPage.confinedTo(chromium, Origins.of(server.url()))) {
            Page page = watched.page();
            page.navigate(server.url() + "runs/" + RUN + "?token=" + TOKEN);
            assertThat(page.getByTestId("run-view")).isVisible();
            watched.screenshot("dashboard-run-with-judge");
            page.getByTestId("label-link").click();
            assertThat(page).hasURL(server.url() + "runs/" + RUN + "/label?scorer=judge");

            Locator item = page.getByTestId("label-item");
            List<String> labelled = new ArrayList<>();
            labelled.add(item.getAttribute("data-case"));
            page.getByTestId("label-pass").click();
            assertThat(page.getByTestId("labelled-count")).hasText("1");
            labelled.add(item.getAttribute("data-case"));
            page.getByTestId("note").fill("wrong steps");
            page.getByTestId("label-fail").click();
            assertThat(page.getByTestId("labelled-count")).hasText("2");
            labelled.add(item.getAttribute("data-case"));
            page.keyboard().press("p");
            assertThat(page.getByTestId("labelled-count")).hasText("3");

            assertThat(LabelsFile.read(labels)).containsExactly(
                    label(labelled.get(0), true, ""), label(labelled.get(1), false, "wrong steps"),
                    label(labelled.get(2), true, ""));
            assertThat(labelled).as("the first two come from both of the judge's verdicts")
                    .anyMatch(c -> index(c) % 3 == 0).anyMatch(c -> index(c) % 3 != 0);

            page.reload();

            assertThat(page.getByTestId("labelled-count")).hasText("3");
            assertThat(page.getByTestId("to-go-count")).hasText(String.valueOf(CASES - 3));
            assertThat(item).hasAttribute("data-case", nextUnlabelled());
            assertThat(page.getByTestId("item-output")).hasText(JudgedRun.output(index(nextUnlabelled())));
            assertThat(page.getByTestId("judge-verdict")).isVisible();
            assertThat(LabelsFile.read(labels)).hasSize(3);
            assertThat(Files.readAllLines(labels)).hasSize(3);
            watched.screenshot("dashboard-label");

            String shown = item.getAttribute("data-case");
            page.keyboard().press("s");
            assertThat(item).not().hasAttribute("data-case", shown);
            assertThat(page.getByTestId("progress")).containsText("1 skipped");
            assertThat(page.getByTestId("labelled-count")).hasText("3");
            assertThat(Files.readAllLines(labels)).as("a skip writes nothing").hasSize(3);
            assertThat(watched.consoleErrors()).isEmpty();
            assertThat(watched.refusedRequests()).isEmpty();
            assertThat(watched.dialogs()).isEmpty();
        }
    }

    @Test
    void markup_in_a_judged_output_is_shown_as_text() throws IOException {
        String markup = "<img src=x onerror=alert(7)>";
        Path suiteDir = Files.createDirectories(dir.resolve("hostile"));
        JudgedRun.write(store, "run-hostile", suiteDir.resolve("evalgate.yaml"), 2, markup);
        try (WatchedPage watched = WatchedPage.confinedTo(chromium, Origins.of(server.url()))) {
            Page page = watched.page();
            page.navigate(server.url() + "runs/run-hostile/label?token=" + TOKEN);

            // one output of each verdict: the judge's failure comes first, as the rarer verdict
            assertThat(page.getByTestId("item-output")).hasText(markup + " 0");
            assertThat(page.getByTestId("item-input")).hasText(markup);
            assertThat(page.getByTestId("judge-reason")).hasText(markup);
            assertThat(page.getByTestId("case-id")).containsText(markup);
            assertThat(page.locator("img")).hasCount(0);
            page.keyboard().press("f");
            assertThat(page.getByTestId("labelled-count")).hasText("1");
            assertThat(watched.dialogs()).isEmpty();
            assertThat(watched.consoleErrors()).isEmpty();
        }
        assertThat(LabelsFile.read(suiteDir.resolve("labels").resolve("judge.jsonl")))
                .singleElement().satisfies(l -> assertThat(l.output()).startsWith(markup));
    }

    private static Label label(String caseId, boolean pass, String note) {
        return new Label(caseId, JudgedRun.TARGET, JudgedRun.output(index(caseId)), pass, note);
    }

    private static int index(String caseId) {
        return Integer.parseInt(caseId.substring(caseId.indexOf('-') + 1));
    }

    /** What `evalgate label` would offer next: the judged outputs without a label, in the seed-1 order. */
    private static String nextUnlabelled() {
        List<Label.LabelKey> done = LabelsFile.read(labels).stream().map(Label::key).toList();
        List<LabelItem> items;
        try (Stream<StoredCaseResult> results = store.caseResults(RUN)) {
            items = JudgedOutputs.of(results.toList(), "judge", null).items();
        }
        return LabelSample.order(items.stream().filter(i -> !done.contains(i.key())).toList(),
                LabelItem::judgePass, 1).get(0).caseId();
    }
}
