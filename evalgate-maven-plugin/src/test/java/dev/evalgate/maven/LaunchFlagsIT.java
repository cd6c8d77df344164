package dev.evalgate.maven;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heap a JVM started with {@link LaunchFlags#TUNED} gets, read back from the JVM itself: its young generation,
 * which a run touches whole before each collection, must not grow with the machine's memory.
 */
class LaunchFlagsIT {

    private static final Pattern FLAG = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+=\\s+(\\d+)", Pattern.MULTILINE);

    /** NewSize, MaxNewSize and SurvivorRatio of a JVM with these flags on a machine with this much RAM. */
    private static Map<String, Long> heapFlags(String maxRam, List<String> flags) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:MaxRAM=" + maxRam));
        command.addAll(flags);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, Long> values = new HashMap<>();
        Matcher matcher = FLAG.matcher(output);
        while (matcher.find()) {
            if (List.of("NewSize", "MaxNewSize", "SurvivorRatio").contains(matcher.group(1))) {
                values.put(matcher.group(1), Long.parseLong(matcher.group(2)));
            }
        }
        assertThat(values).as(output).hasSize(3);
        return values;
    }

    @Test
    void the_young_generation_is_64_mb_on_a_small_machine_and_on_a_large_one() throws Exception {
        Map<String, Long> small = heapFlags("4g", LaunchFlags.TUNED);
        Map<String, Long> large = heapFlags("256g", LaunchFlags.TUNED);

        assertThat(large).isEqualTo(small);
        assertThat(large.get("NewSize")).isEqualTo(large.get("MaxNewSize")).isEqualTo(64L << 20);
        assertThat(large.get("SurvivorRatio")).as("each survivor space a quarter of the young generation")
                .isEqualTo(2L);
    }

    @Test
    void a_user_jvm_arg_after_the_launch_flags_sets_the_young_generation() throws Exception {
        List<String> flags = new ArrayList<>(LaunchFlags.TUNED);
        flags.add("-Xmn256m");

        assertThat(heapFlags("16g", flags).get("MaxNewSize")).isEqualTo(256L << 20);
    }
}
