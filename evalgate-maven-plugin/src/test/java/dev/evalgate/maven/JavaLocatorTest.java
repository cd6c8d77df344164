package dev.evalgate.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JavaLocatorTest {

    @TempDir
    Path dir;

    /** A fake Java home: an executable bin/java and a release file naming the version. */
    private Path jdk(String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Path java = JavaLocator.binary(home);
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        if (version != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return home;
    }

    @Test
    void the_builds_toolchain_wins_when_it_is_21_or_newer() throws IOException {
        Path toolchain = jdk("tc-21", "21.0.4");
        Path installed = jdk("jvm/jdk-25", "25.0.1");

        var found = new JavaLocator().find(JavaLocator.binary(toolchain), dir.resolve("maven-jre"), 17, null,
                installed.getParent());

        assertThat(found).get().satisfies(f -> {
            assertThat(f.java()).isEqualTo(JavaLocator.binary(toolchain));
            assertThat(f.version()).isEqualTo(21);
            assertThat(f.how()).isEqualTo("the build's JDK toolchain");
        });
    }

    @Test
    void a_toolchain_older_than_21_is_passed_over_for_the_running_jvm() throws IOException {
        Path toolchain = jdk("tc-17", "17.0.9");
        Path running = jdk("running", "22");

        var found = new JavaLocator().find(JavaLocator.binary(toolchain), running, 22, null, null);

        assertThat(found).get().extracting(JavaLocator.Found::java).isEqualTo(JavaLocator.binary(running));
    }

    @Test
    void java_home_is_used_when_maven_runs_on_17() throws IOException {
        Path javaHome = jdk("home-21", "21");

        var found = new JavaLocator().find(null, jdk("maven-17", "17"), 17, javaHome.toString(), null);

        assertThat(found).get().extracting(JavaLocator.Found::how).isEqualTo("JAVA_HOME");
    }

    @Test
    void the_newest_installed_jdk_is_chosen_from_the_install_folder() throws IOException {
        jdk("jvm/java-17-openjdk", "17.0.15");
        jdk("jvm/temurin-21", "21.0.2");
        Path newest = jdk("jvm/temurin-25", "25.0.1");
        jdk("jvm/no-release", null);

        var found = new JavaLocator().find(null, jdk("maven-17", "17"), 17, jdk("old-home", "1.8.0_402").toString(),
                dir.resolve("jvm"));

        assertThat(found).get().satisfies(f -> {
            assertThat(f.java()).isEqualTo(JavaLocator.binary(newest));
            assertThat(f.version()).isEqualTo(25);
        });
    }

    @Test
    void nothing_found_lists_what_was_tried() throws IOException {
        jdk("jvm/java-17", "17");
        JavaLocator locator = new JavaLocator();

        var found = locator.find(null, dir.resolve("maven-17"), 17, jdk("old-home", "1.8.0_402").toString(),
                dir.resolve("jvm"));

        assertThat(found).isEmpty();
        assertThat(locator.tried()).containsExactly(
                "Maven's own Java 17 (" + dir.resolve("maven-17") + ")",
                "JAVA_HOME " + dir.resolve("old-home") + " (Java 8)",
                dir.resolve("jvm") + " (no JDK 21+ with a release file)");
    }

    @Test
    void release_versions_read_as_feature_numbers() throws IOException {
        assertThat(JavaLocator.version(jdk("a", "1.8.0_402"))).isEqualTo(8);
        assertThat(JavaLocator.version(jdk("b", "21.0.2"))).isEqualTo(21);
        assertThat(JavaLocator.version(jdk("c", "25"))).isEqualTo(25);
        assertThat(JavaLocator.version(jdk("d", null))).isEqualTo(-1);
    }
}
