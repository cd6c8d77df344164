package dev.evalgate.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;

/**
 * The {@code evalgate:run} goal: runs the suite's targets over its cases in a forked Java 21+ process and writes
 * the results JSON, a Markdown summary and JUnit XML to {@code target/evalgate/}, without applying the gate.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class RunMojo extends AbstractEvalgateMojo {

    @Override
    void afterRun(ForkedCli cli, Path suiteFile, String runId, Path out) {
        getLog().info("evalgate: stored as run " + runId + "; reports in " + out);
    }
}
