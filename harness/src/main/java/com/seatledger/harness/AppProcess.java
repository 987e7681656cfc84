package com.seatledger.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the product's runnable jars as a child process ({@code java -jar}), its output appended to a
 * log file, its readiness judged by its own Actuator health endpoint.
 */
public final class AppProcess implements AutoCloseable {

    /** the JVM flags bin/seat-ledger and the images run the apps with (docs/operations.md says why) */
    public static final List<String> PRODUCT_JVM_FLAGS = List.of("-XX:+UseG1GC", "-XX:+UseCompactObjectHeaders");

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final String managementUrl;

    private AppProcess(String name, Process process, Path log, String managementUrl) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.managementUrl = managementUrl;
    }

    /**
     * @param jvmOptions extra JVM flags separated by blanks (e.g. a JFR recording), may be null
     * @param managementUrl where {@code /actuator/health} answers
     * @param trainingArgs the app's arguments for the AOT cache's training run ({@link AotCache}); null: the
     *        jar as it is, no cache
     */
    public static AppProcess start(String name, Path jar, Path log, String jvmOptions, String managementUrl,
            List<String> args, List<String> trainingArgs) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn package)");
        }
        List<String> flags = new ArrayList<>(List.of("-Xmx1g"));
        List<String> extra = jvmOptions == null || jvmOptions.isBlank() ? List.of()
                : List.of(jvmOptions.trim().split("\\s+"));
        if (extra.stream().noneMatch(f -> f.matches("-XX:\\+Use\\w+GC"))) {
            flags.addAll(PRODUCT_JVM_FLAGS);
        }
        flags.addAll(extra);
        List<String> cmd = new ArrayList<>(flags);
        // no training arguments: the jar as it is, without an AOT cache
        cmd.addAll(trainingArgs == null ? List.of("-jar", jar.toString()) : AotCache.launch(jar, flags, trainingArgs));
        cmd.addAll(args);
        Process p = ChildJvm.start(name, cmd, log);
        return new AppProcess(name, p, log, managementUrl);
    }

    /** Returns once {@code /actuator/health} answers 200 (UP), or throws when the process dies or time runs out. */
    public AppProcess awaitHealthy(Duration within) throws InterruptedException {
        Instant giveUp = Instant.now().plus(within);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (health() == 200) {
                return this;
            }
            Thread.sleep(100); // polling a child process's port; there is no event to wait on
        }
        throw new IllegalStateException(name + " not healthy within " + within + "; see " + log);
    }

    /** The HTTP status of {@code /actuator/health}, or -1 when nothing answers. */
    public int health() throws InterruptedException {
        try {
            return HTTP.send(healthRequest(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return -1;
        }
    }

    public String healthBody() throws IOException, InterruptedException {
        return HTTP.send(healthRequest(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest healthRequest() {
        return HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/health")).timeout(Duration.ofSeconds(2))
                .build();
    }

    /** SIGKILL: no shutdown hook, no clean close of Kafka clients, no flushed state. */
    public void kill() throws InterruptedException {
        ChildJvm.kill(process);
    }

    /** SIGTERM and wait: Spring closes Kafka Streams and the clients cleanly. */
    public void stop() throws InterruptedException {
        ChildJvm.stop(process);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
