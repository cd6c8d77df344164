package dev.evalgate.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless system Chromium shared by the tests of a class, registered with
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}.
 *
 * <p>Playwright is told never to download a browser: it drives {@code /usr/bin/chromium} from the distribution, so
 * the tests run offline and the browser is the one CI installs with apt.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

    static final int WIDTH = 1400;
    static final int HEIGHT = 1000;
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        Path executable = ChromiumRequirement.ofThisMachine().check();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A fresh context (own cookies and storage) with the fixed 1400x1000 viewport. */
    BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT));
    }
}
