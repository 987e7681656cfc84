package com.seatledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a number was measured: printed with every result, because numbers travel without context. */
record Machine(String os, int cores, long memoryGiB, String jvm, String cpu) {

    static Machine here() {
        long mem = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        return new Machine(System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Runtime.getRuntime().availableProcessors(), mem, System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"), cpuModel());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return cores + " cores, " + memoryGiB + " GiB, " + cpu + ", " + jvm + ", " + os;
    }
}
