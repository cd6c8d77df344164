import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * A minimal JUnit Platform runner for scripts that test without a build tool: runs every test under the class
 * path root given as the argument, prints the summary and exits 0 only when some tests ran and none failed.
 */
public final class RunJUnitTests {

    public static void main(String[] args) {
        LauncherDiscoveryRequest discovery = request().selectors(selectClasspathRoots(Set.of(Path.of(args[0])))).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printFailuresTo(out, 20);
        long passed = summary.getTestsSucceededCount();
        long failed = summary.getTotalFailureCount();
        out.println(passed + " passed, " + failed + " failed");
        System.exit(passed > 0 && failed == 0 ? 0 : 1);
    }
}
