package dev.evalgate.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code evalgate:check} goal: runs the suite, then applies its {@code gate:} to that run (and the baseline)
 * and fails the build when the gate does, like JaCoCo's coverage check. The gate's logic is evalgate's; this goal
 * only turns the CLI's exit code into a Maven outcome (see {@link ExitMapping}).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class CheckMojo extends AbstractEvalgateMojo {

    /** The baseline to hold the gate's margins against: a baseline file (.json, relative to the project) or a stored run id. */
    @Parameter(property = "evalgate.baseline")
    String baseline;

    /** Fail the build when the gate fails it; when false, the verdict is logged as a warning instead. */
    @Parameter(property = "evalgate.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    @Override
    void afterRun(ForkedCli cli, Path suiteFile, String runId, Path out)
            throws MojoExecutionException, MojoFailureException {
        List<String> args = new ArrayList<>(List.of("check", runId, "--config", suiteFile.toString(),
                "--json", out.resolve("gate.json").toString(),
                "--markdown", out.resolve("gate.md").toString(),
                "--junit", out.resolve("TEST-evalgate-gate.xml").toString()));
        if (baseline != null && !baseline.isBlank()) {
            String value = baseline.strip();
            args.add("--baseline");
            args.add(value.endsWith(".json") ? resolve(value).toString() : value);
        }
        args.addAll(storeArgs());
        ForkedCli.Result result = call(cli, args);
        if (result.exitCode() != ExitMapping.GATE_FAILED) {
            ExitMapping.requireOk("evalgate check", result);
            return;
        }
        String verdict = ExitMapping.verdict(result.out());
        if (haltOnFailure) {
            throw new MojoFailureException("evalgate gate failed on run " + runId + ":\n" + verdict);
        }
        getLog().warn("evalgate gate failed on run " + runId + " (haltOnFailure is false, so the build goes on):\n"
                + verdict);
    }
}
