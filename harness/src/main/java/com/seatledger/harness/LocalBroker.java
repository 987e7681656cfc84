package com.seatledger.harness;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One real KRaft node (broker and controller in one process) as a child process, from the same
 * Kafka 4.2.1 jars and settings as bin/seat-ledger, on its own ports and data folder, so a run never
 * touches the local stack's data. It can be stopped, killed and started again on the same data, as
 * an operator's broker restart would. A single node is a cluster of its own ({@link #start}); three
 * make a {@link LocalCluster}.
 */
public final class LocalBroker implements AutoCloseable {

    private final String classpath;
    private final Path dir;
    private final int nodeId;
    private final int port;
    private final String bootstrap;
    private final String heap;
    private Process process;

    private LocalBroker(String classpath, Path dir, int nodeId, int port, String heap) {
        this.classpath = classpath;
        this.heap = heap;
        this.dir = dir;
        this.nodeId = nodeId;
        this.port = port;
        this.bootstrap = "localhost:" + port;
    }

    /** Formats a fresh data folder under {@code parent} and starts a single node on {@code port} (controller on port+1). */
    public static LocalBroker start(String classpath, Path parent, int port) throws IOException, InterruptedException {
        return LocalCluster.start(classpath, parent, port, 1).node(0);
    }

    /** {@code broker/<name>.properties}: settings shared with bin/seat-ledger (one copy, in this jar's resources). */
    static String settings(String name) {
        try (var in = LocalBroker.class.getResourceAsStream("/broker/" + name + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("broker/" + name + ".properties is missing from the harness jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Writes node {@code nodeId}'s configuration (broker on {@code port}, controller on port+1) for a
     * cluster of {@code size} whose replicated internal topics (offsets, transactions) have
     * {@code size} replicas and need one less in sync, then formats its storage with
     * {@code clusterId}.
     */
    static LocalBroker format(String classpath, Path dir, int nodeId, int port, String voters, int size,
            String clusterId, String heap) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path conf = dir.resolve("server.properties");
        String isr = Integer.toString(Math.max(1, size - 1));
        Files.writeString(conf, String.join("\n",
                "process.roles=broker,controller",
                "node.id=" + nodeId,
                "controller.quorum.voters=" + voters,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + (port + 1),
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=" + size,
                "transaction.state.log.replication.factor=" + size,
                "transaction.state.log.min.isr=" + isr,
                "default.replication.factor=" + size,
                "min.insync.replicas=" + isr,
                settings("node"),
                size > 1 ? settings("cluster") : "",
                ""));
        LocalBroker b = new LocalBroker(classpath, dir, nodeId, port, heap);
        int formatted = b.java(dir.resolve("format.log"), "kafka.tools.StorageTool", "format", "-t",
                clusterId, "-c", conf.toString()).waitFor();
        if (formatted != 0) {
            throw new IllegalStateException("formatting the broker failed; see " + dir.resolve("format.log"));
        }
        return b;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public int nodeId() {
        return nodeId;
    }

    /** The broker's process id, for measuring its CPU; -1 when it is not running. */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the node on its existing data (after {@link #stop()} or {@link #kill()}) and waits for its port. */
    public void start() throws IOException, InterruptedException {
        launch();
        // a node killed mid-load recovers its logs and catches up on the cluster's metadata first
        awaitPort(Duration.ofSeconds(180));
    }

    /** Starts the process without waiting: the nodes of a cluster open their ports once a quorum is up. */
    void launch() throws IOException {
        process = java(dir.resolve("kafka.log"), "kafka.Kafka", dir.resolve("server.properties").toString());
    }

    /** SIGTERM: a controlled shutdown (leadership moved away, logs flushed, clean-shutdown marker written). */
    public void stop() throws InterruptedException {
        ChildJvm.stop(process);
    }

    /** SIGKILL: the broker recovers its logs on the next start. */
    public void kill() throws InterruptedException {
        ChildJvm.kill(process);
    }

    private Process java(Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(heap, "-cp", classpath, main));
        cmd.addAll(List.of(args));
        return ChildJvm.start("broker " + nodeId + " " + main, cmd, log);
    }

    void awaitPort(Duration within) throws InterruptedException {
        Instant giveUp = Instant.now().plus(within);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("broker exited; see " + dir.resolve("kafka.log"));
            }
            try (Socket s = new Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200); // polling a child process's port; there is no event to wait on
            }
        }
        throw new IllegalStateException("broker did not open port " + port + "; see " + dir.resolve("kafka.log"));
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        if (!Boolean.getBoolean("seatledger.keep-broker-data")) {
            KafkaClients.deleteTree(dir);
        }
    }
}
