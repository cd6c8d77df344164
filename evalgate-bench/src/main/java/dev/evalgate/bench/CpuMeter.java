package dev.evalgate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used over a stretch of time by this process and by the whole machine, so a figure taken while other work
 * ran on the same cores says so: "this JVM used 1.3 cores while the machine was 1.9 of 2 cores busy".
 *
 * <p>The machine's share comes from {@code /proc/stat}; elsewhere it is unknown (NaN).
 */
final class CpuMeter {

    private static final Path PROC_STAT = Path.of("/proc/stat");

    private final long wallStart = System.nanoTime();
    private final long processStart = processCpuNanos();
    private final long[] machineStart = machineTicks();

    /** Cores in use on average since this meter was made. */
    record Usage(double processCores, double machineCores, int cpus) {

        @Override
        public String toString() {
            return Double.isNaN(machineCores)
                    ? String.format("cpu: this JVM %.2f cores of %d", processCores, cpus)
                    : String.format("cpu: this JVM %.2f cores; whole machine %.2f of %d cores busy (others %.2f)",
                    processCores, machineCores, cpus, Math.max(0, machineCores - processCores));
        }
    }

    Usage stop() {
        double wall = System.nanoTime() - wallStart;
        double process = (processCpuNanos() - processStart) / wall;
        long[] machineEnd = machineTicks();
        double machine = Double.NaN;
        if (machineStart != null && machineEnd != null && machineEnd[1] > machineStart[1]) {
            int cpus = Runtime.getRuntime().availableProcessors();
            machine = cpus * (double) (machineEnd[0] - machineStart[0]) / (machineEnd[1] - machineStart[1]);
        }
        return new Usage(process, machine, Runtime.getRuntime().availableProcessors());
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Busy and total jiffies of all cpus, or null when /proc/stat cannot be read. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(PROC_STAT).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]); // idle + iowait
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
