package dev.evalgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

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
        Path project = dir.resolve("project");
        Path root = Path.of("..").toAbsolutePath().normalize();
        Files.createDirectories(project.resolve("scripts"));
        Files.copy(root.resolve("evalgate"), project.resolve("evalgate"));
        Files.copy(root.resolve("scripts/find-java.sh"), project.resolve("scripts/find-java.sh"));
        project.resolve("evalgate").toFile().setExecutable(true);
        writeEchoJar(project.resolve("evalgate-cli/target/evalgate.jar"));
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

    /** A jar whose main class prints "cli got: " and its arguments. */
    private void writeEchoJar(Path jar) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Echo.java"),
                "public class Echo { public static void main(String[] a) {"
                        + " System.out.println(\"cli got: \" + String.join(\" \", a)); } }");
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
