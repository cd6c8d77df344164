package dev.evalgate.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A browser page whose console errors, uncaught exceptions, JavaScript dialogs and refused requests are recorded,
 * so a test can assert that none happened.
 *
 * <p>Every request whose URL the {@code allowed} rule rejects is aborted before it leaves the browser and its URL
 * kept: a page that tries to reach the network is caught even when the attempt would have failed harmlessly.
 * Dialogs are dismissed so an {@code alert} cannot hang the test.
 */
final class WatchedPage implements AutoCloseable {

    private final BrowserContext context;
    private final Page page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<String> refusedRequests = new CopyOnWriteArrayList<>();

    private WatchedPage(BrowserContext context, Predicate<String> allowed) {
        this.context = context;
        context.route("**/*", route -> {
            String url = route.request().url();
            if (allowed.test(url)) {
                route.resume();
            } else {
                refusedRequests.add(url);
                route.abort();
            }
        });
        this.page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text() + " at " + m.location());
            }
        });
        page.onPageError(error -> consoleErrors.add("uncaught: " + error));
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
    }

    /** A page with no network at all: the context is offline and only {@code file:} and inline URLs load. */
    static WatchedPage offline(Chromium chromium) {
        BrowserContext context = chromium.newContext();
        context.setOffline(true);
        return new WatchedPage(context, url -> url.startsWith("file:") || url.startsWith("data:")
                || url.startsWith("blob:") || url.startsWith("about:"));
    }

    /** A page that may talk to one origin only, such as {@code http://127.0.0.1:41234}. */
    static WatchedPage confinedTo(Chromium chromium, String origin) {
        String prefix = origin.endsWith("/") ? origin : origin + "/";
        return new WatchedPage(chromium.newContext(), url -> url.startsWith(prefix) || url.equals(origin)
                || url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:"));
    }

    Page page() {
        return page;
    }

    BrowserContext context() {
        return context;
    }

    List<String> consoleErrors() {
        return List.copyOf(consoleErrors);
    }

    List<String> dialogs() {
        return List.copyOf(dialogs);
    }

    List<String> refusedRequests() {
        return List.copyOf(refusedRequests);
    }

    /** Saves a full-page PNG under {@code target/screenshots} and returns its path. */
    Path screenshot(String name) {
        Path file = Screenshots.directory().resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        context.close();
    }
}
