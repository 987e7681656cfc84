package com.seatledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time spent by named processes (and the whole machine) between two points, so a run can say where its two
 * cores went per request ("api-app 2.1 ms, ledger 0.4 ms, load generator 0.9 ms, everything 5.0 ms").
 */
final class CpuMeter {

    private final Map<String, Long> pids;
    private final Map<String, Duration> start = new LinkedHashMap<>();
    private final long machineStart;

    CpuMeter(Map<String, Long> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> start.put(name, cpu(pid)));
        machineStart = machineBusyTicks();
    }

    /** CPU milliseconds per unit of work since this meter started, by process name, plus "machine". */
    Map<String, Double> perUnitMillis(long units) {
        Map<String, Double> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, cpu(pid).minus(start.get(name)).toNanos() / 1e6 / units));
        // /proc/stat counts in USER_HZ ticks, 100 per second on Linux
        out.put("machine", (machineBusyTicks() - machineStart) * 10.0 / units);
        return out;
    }

    static String format(Map<String, Double> perUnit) {
        StringBuilder s = new StringBuilder();
        perUnit.forEach((name, ms) -> s.append(s.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(String.format("%.2f", ms)).append(" ms"));
        return s.toString();
    }

    /**
     * Waits until the machine was at most {@code busyShare} busy (all cores together) over a whole
     * second, or {@code atMost} passed; returns how long it waited.
     */
    static Duration awaitQuiet(double busyShare, Duration atMost) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        long from = System.nanoTime();
        long before = machineBusyTicks();
        while (System.nanoTime() - from < atMost.toNanos()) {
            Thread.sleep(1_000);
            long now = machineBusyTicks();
            // 100 ticks per second per core
            if (now - before <= busyShare * 100 * cores) {
                break;
            }
            before = now;
        }
        return Duration.ofNanos(System.nanoTime() - from);
    }

    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
