package dev.evalgate.maven;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The forked CLI's JVM flags against the launcher script's and the benchmark scenarios', which must not drift. */
class LaunchFlagsTest {

    private static final Pattern TUNING = Pattern.compile("(?m)^tuning=\\((.*)\\)$");

    /** The flags a shell script assigns to its {@code tuning} array. */
    private static List<String> tuningOf(String script) throws Exception {
        Matcher matcher = TUNING.matcher(Files.readString(Path.of("..").toAbsolutePath().normalize().resolve(script)));
        assertThat(matcher.find()).as(script + " declares tuning=(...)").isTrue();
        return Arrays.asList(matcher.group(1).trim().split("\\s+"));
    }

    @Test
    void the_fork_runs_with_the_flags_of_the_launcher_and_of_the_benchmark_scenarios() throws Exception {
        assertThat(LaunchFlags.TUNED).isEqualTo(tuningOf("evalgate")).isEqualTo(tuningOf("bench/scenarios.sh"));
    }

    @Test
    void the_young_generation_has_a_fixed_size_unless_evalgate_jit_full_keeps_the_jdk_defaults() {
        assertThat(LaunchFlags.tuning(Map.of())).contains("-XX:+UseSerialGC", "-Xmn64m", "-XX:SurvivorRatio=2");
        assertThat(LaunchFlags.tuning(Map.of("EVALGATE_JIT", "full"))).isEmpty();
    }
}
