package dev.evalgate.maven;

import java.util.List;
import java.util.Map;

/**
 * The JVM flags the forked CLI runs with, the same as the {@code evalgate} launcher script's: code compiled by C1
 * alone, the serial collector and a young generation of fixed size, unless {@code EVALGATE_JIT=full} asks for the
 * JDK's own defaults.
 *
 * <p>A run waits on the network or does small in-process work; C2 compiling for seconds on the same cores costs more
 * CPU than it saves and delays the calls being timed (docs/benchmarks.md, "CPU per case"). Left to itself the JVM
 * sizes the young generation from the machine's RAM (120 MB on 24 GB), and all of it is touched before the first
 * collection, while a run's calls leave a few MB alive; 64 MB with survivor spaces of a quarter each lets what
 * outlives one collection die there rather than in the old generation, which the serial collector grows instead of
 * collecting (docs/benchmarks.md, "Peak memory"). The goal's {@code jvmArgs} come after these flags and win.
 */
final class LaunchFlags {

    static final List<String> TUNED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn64m",
            "-XX:SurvivorRatio=2");

    private LaunchFlags() {
    }

    /** The tuning flags for this environment: {@link #TUNED}, or none with {@code EVALGATE_JIT=full}. */
    static List<String> tuning(Map<String, String> env) {
        return "full".equals(env.get("EVALGATE_JIT")) ? List.of() : TUNED;
    }
}
