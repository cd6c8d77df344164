package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code evalgate} launcher script, run through a symlink in a {@code bin/} folder the way users put it on
 * their PATH: it must find the project it belongs to, not the folder of the link.
 *
 * <p>The launcher is copied into a stand-in project whose CLI jar is a tiny program that prints its arguments, so the
 * test needs neither a build nor the real CLI jar (which is packaged after these tests run).
 */
class LauncherIT {

    @TempDir
    Path dir;

    @Test
    void a_symlink_to_the_launcher_runs_the_projects_cli_from_any_folder() throws Exception {
        Path project = standInProject();
        Path bin = Files.createDirectories(dir.resolve("home/.local/bin"));
        Files.createSymbolicLink(bin.resolve("evalgate"), project.resolve("evalgate"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        Process process = new ProcessBuilder(bin.resolve("evalgate").toString(), "run", "suite.yaml")
                .directory(elsewhere.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("no build was attempted from the link's folder").doesNotContain("building")
                .contains("cli got: run suite.yaml");
    }

    @Test
    void with_jdk_25_the_first_real_run_trains_a_start_up_cache_that_later_runs_use() throws Exception {
        Path project = standInProject();
        assumeJdk25(project);
        Path target = project.resolve("evalgate-cli/target");

        String first = launch(project, "run", "suite.yaml");
        Path cache = onlyCache(target);
        FileTime trained = Files.getLastModifiedTime(cache);
        String second = launch(project, "run", "suite.yaml");

        assertThat(first).as("the training run prints only what the CLI prints").isEqualTo("cli got: run suite.yaml\n");
        assertThat(second).isEqualTo(first);
        assertThat(cache.getFileName().toString()).as("keyed on the Java version").matches("evalgate-25.*\\.aot");
        assertThat(Files.getLastModifiedTime(cache)).as("the second run used the cache, not retrained").isEqualTo(trained);
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary files left behind")
                    .containsExactlyInAnyOrder("evalgate.jar", cache.getFileName().toString());
        }
        assertThat(javaExit(project, "-XX:AOTMode=on", "-XX:AOTCache=" + cache, "-cp",
                target.resolve("evalgate.jar").toString(), "Echo")).as("the JVM accepts the cache").isZero();
    }

    @Test
    void a_corrupt_cache_is_ignored_and_a_cache_older_than_the_jar_is_retrained() throws Exception {
        Path project = standInProject();
        assumeJdk25(project);
        Path target = project.resolve("evalgate-cli/target");
        launch(project, "run", "suite.yaml");
        Path cache = onlyCache(target);
        Files.writeString(cache, "not a cache");

        assertThat(launch(project, "check")).as("a corrupt cache is ignored silently").isEqualTo("cli got: check\n");

        Path jar = target.resolve("evalgate.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(cache).toMillis() + 5_000));
        assertThat(launch(project, "check")).isEqualTo("cli got: check\n");
        assertThat(Files.size(cache)).as("retrained after the jar changed").isGreaterThan(1_000);
        assertThat(javaExit(project, "-XX:AOTMode=on", "-XX:AOTCache=" + cache, "-cp", jar.toString(), "Echo"))
                .isZero();
    }

    @Test
    void a_run_that_fails_with_a_usage_error_keeps_its_exit_code_and_trains_nothing() throws Exception {
        Path project = standInProject();
        assumeJdk25(project);

        Process process = new ProcessBuilder(project.resolve("evalgate").toString(), "fail")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).isEqualTo("cli got: fail\n");
        try (Stream<Path> files = Files.list(project.resolve("evalgate-cli/target"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("evalgate.jar");
        }
    }

    @Test
    void version_and_help_do_not_train_the_cache() throws Exception {
        Path project = standInProject();
        assumeJdk25(project);

        assertThat(launch(project, "--version")).isEqualTo("cli got: --version\n");

        assertThat(caches(project.resolve("evalgate-cli/target"))).isEmpty();
    }

    @Test
    void the_launcher_passes_its_jvm_flags_and_then_the_users_from_evalgate_java_opts() throws Exception {
        Path project = standInProject();
        // a file the user's -Xlog:gc*=off would name if the launcher let the shell expand it
        Files.writeString(project.resolve("-Xlog:gc.txt=off"), "");

        String flags = launch(project, Map.of("EVALGATE_AOT", "off", "EVALGATE_JAVA_OPTS", " -Xmn128m  -Xlog:gc*=off "),
                "jvm-flags");
        String defaults = launch(project, Map.of("EVALGATE_AOT", "off", "EVALGATE_JIT", "full"), "jvm-flags");

        assertThat(flags).as("the user's flags come last, so they win").contains(
                "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn64m -XX:SurvivorRatio=2 -Xmn128m -Xlog:gc*=off\n");
        assertThat(defaults).as("EVALGATE_JIT=full keeps the JDK's defaults").doesNotContain("-XX:")
                .doesNotContain("-Xmn");
    }

    /** The launcher and find-java.sh copied into a folder whose CLI jar is the echo program. */
    private Path standInProject() throws IOException {
        Path project = dir.resolve("project");
        Path root = Path.of("..").toAbsolutePath().normalize();
        Files.createDirectories(project.resolve("scripts"));
        Files.copy(root.resolve("evalgate"), project.resolve("evalgate"));
        Files.copy(root.resolve("scripts/find-java.sh"), project.resolve("scripts/find-java.sh"));
        project.resolve("evalgate").toFile().setExecutable(true);
        writeEchoJar(project.resolve("evalgate-cli/target/evalgate.jar"));
        return project;
    }

    @Test
    void the_class_data_archive_used_before_jdk_25_is_trained_once_and_then_reused() throws Exception {
        Path project = standInProject();
        Path target = project.resolve("evalgate-cli/target");
        Map<String, String> cds = Map.of("EVALGATE_AOT", "cds");

        String first = launch(project, cds, "run", "suite.yaml");
        List<Path> archives;
        try (Stream<Path> files = Files.list(target)) {
            archives = files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
        assertThat(archives).as("one archive beside the jar").hasSize(1);
        FileTime trained = Files.getLastModifiedTime(archives.get(0));
        String second = launch(project, cds, "run", "suite.yaml");

        assertThat(first).isEqualTo("cli got: run suite.yaml\n");
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(archives.get(0))).isEqualTo(trained);
        assertThat(javaExit(project, "-Xshare:on", "-XX:SharedArchiveFile=" + archives.get(0), "-cp",
                target.resolve("evalgate.jar").toString(), "Echo")).as("the JVM accepts the archive").isZero();
    }

    private static String launch(Path project, String... args) throws Exception {
        return launch(project, Map.of(), args);
    }

    /** Runs the launcher in the project and returns stdout and stderr together, after checking it exited 0. */
    private static String launch(Path project, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(project.resolve("evalgate").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The java the launcher picks, run with these arguments; returns its exit code. */
    private static int javaExit(Path project, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("bash", "-c", ". scripts/find-java.sh && exec \"$(find_java)\" \"$@\"", "java"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static void assumeJdk25(Path project) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", ". scripts/find-java.sh && java_major \"$(find_java)\"")
                .directory(project.toFile()).redirectErrorStream(true).start();
        String major = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(major.matches("\\d+") && Integer.parseInt(major) >= 25,
                "the launcher picks Java " + major + " here; the start-up cache needs JDK 25 or newer");
    }

    private static List<Path> caches(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".aot")).toList();
        }
    }

    private static Path onlyCache(Path target) throws IOException {
        List<Path> caches = caches(target);
        assertThat(caches).as("one cache file beside the jar").hasSize(1);
        return caches.get(0);
    }

    /**
     * A jar whose main class prints "cli got: " and its arguments, then its JVM's flags when the first is "jvm-flags",
     * and exits 2 when the first is "fail".
     */
    private void writeEchoJar(Path jar) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Echo.java"),
                "public class Echo { public static void main(String[] a) {"
                        + " System.out.println(\"cli got: \" + String.join(\" \", a));"
                        + " if (a.length > 0 && a[0].equals(\"jvm-flags\")) System.out.println(String.join(\" \","
                        + " java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));"
                        + " if (a.length > 0 && a[0].equals(\"fail\")) System.exit(2); } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-d",
                classes.toString(), src.resolve("Echo.java").toString());
        assertThat(rc).as("javac of the stand-in CLI").isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Echo");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Echo.class"));
            out.write(Files.readAllBytes(classes.resolve("Echo.class")));
            out.closeEntry();
        }
    }
}
