package com.seatledger.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts a child JVM (broker or app) on the JDK that runs this process, so a test run on Java 25 runs
 * every child on Java 25 too; the first line each child writes to its log says which Java it got.
 */
final class ChildJvm {

    /** How long a SIGTERMed child may take to shut down cleanly before it is SIGKILLed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /**
     * Children still running when this JVM exits (a failed test that never reached its cleanup, a
     * timed-out fork) would otherwise outlive it: a broker left behind kept its port and most of a
     * core, and the next run on the machine measured that instead of itself.
     */
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private ChildJvm() {
    }

    static Process start(String name, List<String> jvmArgs, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "[harness] %s %s on Java %s (%s): %s%n".formatted(Instant.now(), name, Runtime.version(),
                System.getProperty("java.home"), String.join(" ", abbreviated(cmd))), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
        return process;
    }

    /** SIGTERM, then SIGKILL if the child has not exited within {@link #STOP_GRACE}. */
    static void stop(Process process) throws InterruptedException {
        stop(process, STOP_GRACE);
    }

    /** SIGTERM, then SIGKILL if the child has not exited within {@code grace}. */
    static void stop(Process process, Duration grace) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
            }
        }
    }

    /** SIGKILL and wait for the exit. */
    static void kill(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** A classpath of a hundred jars says nothing in a log line. */
    private static List<String> abbreviated(List<String> cmd) {
        return cmd.stream().map(a -> a.length() > 300 ? a.substring(0, 120) + "...(" + a.length() + " chars)" : a)
                .toList();
    }
}
