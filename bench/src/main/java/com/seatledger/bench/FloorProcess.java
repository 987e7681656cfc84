package com.seatledger.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

import com.seatledger.harness.AppProcess;

/**
 * The bare floor's processor ({@link StreamsRun#startBaseline()}) as a new JVM of its own, with the
 * apps' heap and collector flags: what a freshly started Kafka Streams application that does nothing
 * but one get and one put per record costs in its first seconds, beside a new stack's. It prints
 * {@link #RUNNING} once its one task runs, and ends with its parent.
 */
final class FloorProcess implements AutoCloseable {

    static final String RUNNING = "floor processor RUNNING";

    private final Process process;

    private FloorProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts processor {@code applicationId} on {@code bootstrap} and returns once it runs; {@code fresh}:
     * its topics are made afresh, else it is a new instance of a processor that ran before.
     */
    static FloorProcess start(String bootstrap, Path stateRoot, int commitIntervalMs, String applicationId, boolean fresh)
            throws Exception {
        Files.createDirectories(stateRoot);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g"));
        cmd.addAll(AppProcess.PRODUCT_JVM_FLAGS);
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                FloorProcess.class.getName(), bootstrap, stateRoot.toString(), Integer.toString(commitIntervalMs),
                applicationId, Boolean.toString(fresh)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        FloorProcess floor = new FloorProcess(p);
        CompletableFuture<Void> running = new CompletableFuture<>();
        Path log = stateRoot.resolve("floor-process.log");
        Thread.ofPlatform().daemon().name("floor-process-log").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                    var out = Files.newBufferedWriter(log)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.contains(RUNNING)) {
                        running.complete(null);
                    }
                }
            } catch (IOException e) {
                running.completeExceptionally(e);
            }
            running.completeExceptionally(new IllegalStateException("the floor processor exited; see " + log));
        });
        try {
            running.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            floor.close();
            throw e;
        }
        return floor;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM (the processor leaves its group, so a new instance need not wait out its session), then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** {@code <bootstrap> <state root> <commit interval ms> <application id> <fresh topics: true|false>} */
    public static void main(String[] args) throws Exception {
        StreamsRun run = new StreamsRun(args[0], Path.of(args[1]), Integer.parseInt(args[2]), StreamsRun.LEDGER_CACHE_BYTES);
        if (Boolean.parseBoolean(args[4])) {
            run.recreateBaselineTopics();
        }
        KafkaStreams streams = run.startBaseline(args[3]);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> streams.close(
                CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(java.time.Duration.ofSeconds(20)))));
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(110);
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > giveUp || streams.state() == KafkaStreams.State.ERROR) {
                System.out.println("the floor processor did not run: " + streams.state());
                System.exit(1);
            }
            Thread.sleep(20); // polling the state of a starting Streams instance; no event to wait on here
        }
        System.out.println(RUNNING);
        // until the parent ends it, or dies: its end of this pipe closes with it
        while (System.in.read() != -1) {
            // nothing is sent on it
        }
        System.exit(0);
    }
}
