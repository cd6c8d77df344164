package dev.evalgate.maven;

import java.util.List;
import java.util.Map;

/**
 * The JVM flags the forked CLI runs with, the same as the {@code evalgate} launcher script's: code compiled by C1
 * alone and the serial collector, unless {@code EVALGATE_JIT=full} asks for the JDK's own defaults.
 *
 * <p>A run waits on the network or does small in-process work; C2 compiling for seconds on the same cores costs more
 * CPU than it saves and delays the calls being timed (docs/benchmarks.md, "CPU per case").
 */
final class LaunchFlags {

    static final List<String> TUNED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private LaunchFlags() {
    }

    /** The tuning flags for this environment: {@link #TUNED}, or none with {@code EVALGATE_JIT=full}. */
    static List<String> tuning(Map<String, String> env) {
        return "full".equals(env.get("EVALGATE_JIT")) ? List.of() : TUNED;
    }
}
