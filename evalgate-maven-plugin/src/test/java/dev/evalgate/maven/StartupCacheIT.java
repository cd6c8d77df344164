package dev.evalgate.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Maven, twice over the sample project: the first build's forked CLI records the start-up cache beside the
 * evalgate-cli jar, the second uses it; both run with the launcher's JVM flags.
 */
class StartupCacheIT {

    @TempDir
    Path dir;

    @Test
    void the_first_build_records_the_start_up_cache_and_the_next_one_uses_it() throws Exception {
        Path repository = ItProjects.repository();
        Path project = ItProjects.copy(Path.of("src/test/projects/sample").toAbsolutePath(), dir.resolve("sample"));
        Path cliDir = repository.resolve(ItRepository.GROUP_PATH).resolve("evalgate-cli").resolve(ItProjects.version());
        for (Path old : caches(cliDir)) {
            Files.delete(old);
        }

        MavenBuild first = MavenBuild.run(project, repository, "-X", "verify");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        List<String> firstForks = forks(first.output());
        assertThat(firstForks).as("run, then check").hasSize(2);
        assertThat(firstForks.get(0)).contains(" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ")
                .containsPattern(" -XX:(AOTMode=record|ArchiveClassesAtExit=)");
        List<Path> made = caches(cliDir);
        assertThat(made).as("one cache beside the evalgate-cli jar").hasSize(1);
        Path cache = made.get(0);
        assertThat(firstForks.get(1)).as("check already uses what run recorded").contains(cacheFlag(cache));
        FileTime recorded = Files.getLastModifiedTime(cache);

        MavenBuild second = MavenBuild.run(project, repository, "-X", "verify");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        List<String> secondForks = forks(second.output());
        assertThat(secondForks).hasSize(2).allSatisfy(fork -> assertThat(fork)
                .contains(" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ").contains(cacheFlag(cache))
                .doesNotContain("AOTMode=record").doesNotContain("ArchiveClassesAtExit"));
        assertThat(Files.getLastModifiedTime(cache)).as("not recorded again").isEqualTo(recorded);
        assertThat(acceptedByTheJvm(secondForks.get(0), project)).as("the JVM accepts the cache for the fork's class"
                + " path (it exits with an error under AOTMode=on / RequireSharedSpaces otherwise)").isZero();
    }

    private static List<Path> caches(Path cliDir) throws IOException {
        try (Stream<Path> files = Files.list(cliDir)) {
            return files.filter(f -> f.getFileName().toString().matches("evalgate-.*\\.(aot|jsa)")).toList();
        }
    }

    private static String cacheFlag(Path cache) {
        return cache.toString().endsWith(".aot") ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache;
    }

    /** The command lines of the forked CLI, from the debug log. */
    private static List<String> forks(String output) {
        return output.lines().filter(line -> line.contains("evalgate: forking "))
                .map(line -> line.substring(line.indexOf("evalgate: forking ") + "evalgate: forking ".length()))
                .toList();
    }

    /** Runs the fork's command line as `--version`, with the cache required rather than merely tried. */
    private static int acceptedByTheJvm(String fork, Path project) throws Exception {
        List<String> words = new ArrayList<>(Arrays.asList(fork.split(" ")));
        int entry = words.indexOf(ForkMain.class.getName());
        List<String> command = new ArrayList<>(words.subList(0, entry + 2));
        command.add(1, fork.contains("AOTCache=") ? "-XX:AOTMode=on" : "-XX:+RequireSharedSpaces");
        command.add("--version");
        Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(String.join(" ", command)).doesNotContainIgnoringCase("error");
        return process.exitValue();
    }
}
