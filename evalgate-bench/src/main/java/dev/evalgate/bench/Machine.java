package dev.evalgate.bench;

import java.lang.management.ManagementFactory;

/** The facts about this JVM and machine that a benchmark figure means nothing without. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        String gc = String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(b -> b.getName()).toList());
        return String.format("machine: %d cpus, load average %.2f, java %s (%s), max heap %s, gc %s",
                rt.availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                Figures.mib(rt.maxMemory()), gc);
    }
}
