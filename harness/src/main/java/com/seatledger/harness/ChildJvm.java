package com.seatledger.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a child JVM (broker or app) on the JDK that runs this process, so a test run on Java 25 runs
 * every child on Java 25 too; the first line each child writes to its log says which Java it got.
 */
final class ChildJvm {

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
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** A classpath of a hundred jars says nothing in a log line. */
    private static List<String> abbreviated(List<String> cmd) {
        return cmd.stream().map(a -> a.length() > 300 ? a.substring(0, 120) + "...(" + a.length() + " chars)" : a)
                .toList();
    }
}
