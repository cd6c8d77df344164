package dev.evalgate.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StartupCacheTest {

    @TempDir
    Path dir;

    private Path javaHome(String runtime) throws Exception {
        Path home = Files.createDirectories(dir.resolve("jdk-" + runtime));
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"x\"\nJAVA_RUNTIME_VERSION=\"" + runtime + "\"\n");
        return home.resolve("bin/java");
    }

    private Path jar(String name, long millis) throws Exception {
        Path jar = Files.writeString(Files.createDirectories(dir.resolve("repo")).resolve(name), "jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(millis));
        return jar;
    }

    @Test
    void jdk_25_gets_an_aot_cache_named_by_its_runtime_version_beside_the_cli_jar() throws Exception {
        Path cli = jar("evalgate-cli-1.jar", 1_000);
        StartupCache cache = StartupCache.of(javaHome("25.0.3+9-LTS"), 25, cli, List.of(cli), Map.of()).orElseThrow();

        assertThat(cache.file()).isEqualTo(cli.resolveSibling("evalgate-25.0.3+9-LTS.aot"));
        assertThat(cache.fresh()).isFalse();
        assertThat(cache.flags(false, dir)).contains("-XX:AOTMode=record", "-Xlog:aot*=off,cds*=off");
        assertThat(cache.flags(true, dir)).containsExactly("-Xlog:aot*=off,cds*=off", "-XX:AOTCache=" + cache.file());
    }

    @Test
    void jdk_21_or_evalgate_aot_cds_gets_a_class_data_archive() throws Exception {
        Path cli = jar("evalgate-cli-1.jar", 1_000);
        StartupCache jdk21 = StartupCache.of(javaHome("21.0.2+13"), 21, cli, List.of(cli), Map.of()).orElseThrow();
        StartupCache cds = StartupCache.of(javaHome("25.0.3+9-LTS"), 25, cli, List.of(cli),
                Map.of("EVALGATE_AOT", "cds")).orElseThrow();

        assertThat(jdk21.file().getFileName().toString()).isEqualTo("evalgate-21.0.2+13.jsa");
        assertThat(jdk21.flags(false, dir)).containsExactly("-Xlog:cds*=off",
                "-XX:ArchiveClassesAtExit=" + jdk21.file().resolveSibling(jdk21.file().getFileName() + "."
                        + ProcessHandle.current().pid() + ".tmp"));
        assertThat(jdk21.flags(true, dir)).containsExactly("-Xlog:cds*=off", "-XX:SharedArchiveFile=" + jdk21.file());
        assertThat(cds.file().toString()).endsWith(".jsa");
    }

    @Test
    void a_cache_older_than_any_jar_on_the_class_path_is_stale() throws Exception {
        Path cli = jar("evalgate-cli-1.jar", 1_000);
        Path dependency = jar("dependency.jar", 1_000);
        StartupCache cache = StartupCache.of(javaHome("25"), 25, cli, List.of(cli, dependency), Map.of())
                .orElseThrow();
        Files.writeString(cache.file(), "cache");
        Files.setLastModifiedTime(cache.file(), FileTime.fromMillis(2_000));
        assertThat(cache.fresh()).isTrue();

        Files.setLastModifiedTime(dependency, FileTime.fromMillis(3_000));

        assertThat(cache.fresh()).isFalse();
    }

    @Test
    void evalgate_aot_off_runs_without_a_cache_and_evalgate_jit_full_without_the_tuning() throws Exception {
        Path cli = jar("evalgate-cli-1.jar", 1_000);

        assertThat(StartupCache.of(javaHome("25"), 25, cli, List.of(cli), Map.of("EVALGATE_AOT", "off"))).isEmpty();
        assertThat(LaunchFlags.tuning(Map.of())).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmn64m", "-XX:SurvivorRatio=2");
        assertThat(LaunchFlags.tuning(Map.of("EVALGATE_JIT", "full"))).isEmpty();
    }
}
