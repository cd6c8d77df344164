package dev.evalgate.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the {@code run} and {@code check} goals share: their configuration, finding a Java 21+ runtime, and
 * running {@code evalgate run} in it over the suite with the project's test class path.
 */
abstract class AbstractEvalgateMojo extends AbstractMojo {

    /** The suite file; relative paths inside it resolve against its folder. */
    @Parameter(property = "evalgate.suite", defaultValue = "${project.basedir}/evalgate.yaml")
    File suite;

    /** The suite written inline; wins over {@code suite}. It is saved as target/evalgate/suite.yaml. */
    @Parameter
    String suiteYaml;

    /** The store (a SQLite file or a jdbc: URL); default as the CLI: EVALGATE_STORE, the suite's store:, beside it. */
    @Parameter(property = "evalgate.store")
    String store;

    /** Reuse stored answers of cacheable targets; off, so the gate always sees the code being built. */
    @Parameter(property = "evalgate.cache", defaultValue = "false")
    boolean cache;

    /** Skips the goal. */
    @Parameter(property = "evalgate.skip", defaultValue = "false")
    boolean skip;

    /** Extra options for the forked Java process, e.g. -Xmx2g. */
    @Parameter
    List<String> jvmArgs = new ArrayList<>();

    /** Where the reports go. */
    @Parameter(defaultValue = "${project.build.directory}/evalgate", required = true)
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Component
    ToolchainManager toolchains;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("evalgate: skipped (evalgate.skip is true)");
            return;
        }
        Path out = outputDirectory.toPath().toAbsolutePath();
        Path suiteFile = SuiteFile.resolve(suite, suiteYaml, out);
        ForkedCli cli = fork(out);
        String runId = runSuite(cli, suiteFile, out);
        afterRun(cli, suiteFile, runId, out);
    }

    /** What the goal does once the suite has run and been stored as {@code runId}. */
    abstract void afterRun(ForkedCli cli, Path suiteFile, String runId, Path out)
            throws MojoExecutionException, MojoFailureException;

    private String runSuite(ForkedCli cli, Path suiteFile, Path out) throws MojoExecutionException {
        Path results = out.resolve("results.json");
        List<String> args = new ArrayList<>(List.of("run", suiteFile.toString(), "--quiet",
                "--output", results.toString(),
                "--markdown", out.resolve("summary.md").toString(),
                "--junit", out.resolve("TEST-evalgate-run.xml").toString()));
        args.addAll(storeArgs());
        if (!cache) {
            args.add("--no-cache");
        }
        ExitMapping.requireOk("evalgate run", call(cli, args));
        return ResultsRunId.read(results);
    }

    /** {@code --store} with a relative file resolved against the project, as Maven users expect. */
    List<String> storeArgs() {
        if (store == null || store.isBlank()) {
            return List.of();
        }
        String value = store.strip();
        return List.of("--store", value.startsWith("jdbc:") ? value : resolve(value).toString());
    }

    Path resolve(String path) {
        return project.getBasedir().toPath().resolve(path).toAbsolutePath().normalize();
    }

    ForkedCli.Result call(ForkedCli cli, List<String> args) throws MojoExecutionException {
        getLog().debug("evalgate " + String.join(" ", args));
        try {
            return cli.run(args);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start evalgate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while evalgate ran", e);
        }
    }

    private ForkedCli fork(Path out) throws MojoExecutionException {
        JavaLocator.Found java = findJava();
        getLog().debug("evalgate: Java " + java.version() + " at " + java.java() + ", found as " + java.how());
        // the launcher's flags (./evalgate), then the user's, which win where they overlap
        List<String> options = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
        options.addAll(LaunchFlags.tuning(System.getenv()));
        options.addAll(jvmArgs);
        List<Path> jars = evalgateJars();
        StartupCache cache = StartupCache.of(java.java(), java.version(), cliJar(jars), jars, System.getenv())
                .orElse(null);
        return new ForkedCli(java.java(), jars.stream().map(Path::toString).toList(), projectClassPath(), options,
                cache, project.getBasedir().toPath(), out.resolve("java.args"), line -> getLog().info(line),
                line -> {
                    if (line.startsWith("error: ")) {
                        getLog().error(line);
                    } else {
                        getLog().info(line);
                    }
                }).logCommandsTo(line -> getLog().debug("evalgate: forking " + line));
    }

    private JavaLocator.Found findJava() throws MojoExecutionException {
        Toolchain toolchain = toolchains.getToolchainFromBuildContext("jdk", session);
        String toolchainJava = toolchain == null ? null : toolchain.findTool("java");
        JavaLocator locator = new JavaLocator();
        return locator.find(toolchainJava == null ? null : Path.of(toolchainJava),
                        Path.of(System.getProperty("java.home")), Runtime.version().feature(),
                        System.getenv("JAVA_HOME"), Path.of("/usr/lib/jvm"))
                .orElseThrow(() -> new MojoExecutionException("evalgate needs Java " + JavaLocator.MINIMUM
                        + " or newer, but none was found; tried " + String.join(", ", locator.tried())
                        + ". Fix: add maven-toolchains-plugin 3.2.0 with goal select-jdk-toolchain and"
                        + " <version>[21,)</version> to the build, or run Maven with JAVA_HOME set to a JDK 21+."));
    }

    /** The plugin's own jar (for {@link ForkMain}) and its runtime jars: evalgate-cli and what it needs. */
    private List<Path> evalgateJars() {
        Set<Path> jars = new LinkedHashSet<>();
        if (plugin.getPluginArtifact() != null && plugin.getPluginArtifact().getFile() != null) {
            jars.add(plugin.getPluginArtifact().getFile().toPath().toAbsolutePath());
        }
        for (Artifact artifact : plugin.getArtifacts()) {
            if (artifact.getFile() != null) {
                jars.add(artifact.getFile().toPath().toAbsolutePath());
            }
        }
        return List.copyOf(jars);
    }

    /** The evalgate-cli jar, beside which the start-up cache lives. */
    private Path cliJar(List<Path> jars) {
        return jars.stream().filter(jar -> jar.getFileName().toString().startsWith("evalgate-cli"))
                .findFirst().orElse(jars.get(jars.size() - 1));
    }

    /** The project's test class path, so the suite's {@code java} targets load from the code being built. */
    private List<String> projectClassPath() throws MojoExecutionException {
        try {
            return List.copyOf(project.getTestClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's test class path is not resolved: " + e.getMessage(), e);
        }
    }
}
