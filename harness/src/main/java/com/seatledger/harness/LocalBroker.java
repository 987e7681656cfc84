package com.seatledger.harness;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker as a child process (the same Kafka 4.2.1 jars and settings as
 * bin/seat-ledger), on its own ports and a fresh data folder, so a run never touches the local
 * stack's data and every run starts from empty topics. It can be stopped, killed and started again
 * on the same data, as an operator's broker restart would.
 */
public final class LocalBroker implements AutoCloseable {

    private final String classpath;
    private final Path dir;
    private final int port;
    private final String bootstrap;
    private Process process;

    private LocalBroker(String classpath, Path dir, int port) {
        this.classpath = classpath;
        this.dir = dir;
        this.port = port;
        this.bootstrap = "localhost:" + port;
    }

    /** Formats a fresh data folder under {@code parent} and starts the broker on {@code port} (controller on port+1). */
    public static LocalBroker start(String classpath, Path parent, int port) throws IOException, InterruptedException {
        Path dir = parent.resolve("kafka-" + System.currentTimeMillis());
        Files.createDirectories(dir);
        Path conf = dir.resolve("server.properties");
        Files.writeString(conf, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + (port + 1),
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + (port + 1),
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                // a dead ledger's open transaction is aborted within a second of its timeout (default 10 s)
                "transaction.abort.timed.out.transaction.cleanup.interval.ms=1000",
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=33554432",
                ""));
        LocalBroker b = new LocalBroker(classpath, dir, port);
        int formatted = b.java(dir.resolve("format.log"), "kafka.tools.StorageTool", "format", "-t",
                Uuid.randomUuid().toString(), "-c", conf.toString()).waitFor();
        if (formatted != 0) {
            throw new IllegalStateException("formatting the broker failed; see " + dir.resolve("format.log"));
        }
        b.start();
        return b;
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** Starts the broker on its existing data (after {@link #stop()} or {@link #kill()}). */
    public void start() throws IOException, InterruptedException {
        process = java(dir.resolve("kafka.log"), "kafka.Kafka", dir.resolve("server.properties").toString());
        awaitPort(Duration.ofSeconds(60));
    }

    /** SIGTERM: a controlled shutdown (logs flushed, clean-shutdown marker written). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** SIGKILL: the broker recovers its logs on the next start. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private Process java(Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("-Xmx1g", "-cp", classpath, main));
        cmd.addAll(List.of(args));
        return ChildJvm.start("broker " + main, cmd, log);
    }

    private void awaitPort(Duration within) throws InterruptedException {
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

    @Override
    public void close() throws InterruptedException {
        stop();
        KafkaClients.deleteTree(dir);
    }
}
