package com.seatledger.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft broker as a child process (the same Kafka 4.2.1 jars and settings as
 * bin/seat-ledger), on its own ports and a fresh data folder, so a run never touches the local
 * stack's data and every run starts from empty topics.
 */
final class LocalBroker implements AutoCloseable {

    private final Process process;
    private final Path dir;
    final String bootstrap;

    private LocalBroker(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.bootstrap = "localhost:" + port;
    }

    static LocalBroker start(String classpath, Path parent, int port) throws IOException, InterruptedException {
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
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=33554432",
                ""));
        int formatted = start(classpath, dir.resolve("format.log"), "kafka.tools.StorageTool", "format", "-t",
                Uuid.randomUuid().toString(), "-c", conf.toString()).waitFor();
        if (formatted != 0) {
            throw new IllegalStateException("formatting the broker failed; see " + dir.resolve("format.log"));
        }
        Process broker = start(classpath, dir.resolve("kafka.log"), "kafka.Kafka", conf.toString());
        LocalBroker b = new LocalBroker(broker, dir, port);
        b.awaitPort(port, Duration.ofSeconds(60));
        return b;
    }

    private static Process start(String classpath, Path log, String main, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp", classpath, main));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitPort(int port, Duration within) throws InterruptedException {
        Instant giveUp = Instant.now().plus(within);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("broker exited; see " + dir.resolve("kafka.log"));
            }
            try (Socket s = new Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("broker did not open port " + port + "; see " + dir.resolve("kafka.log"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor();
        KafkaClients.deleteTree(dir);
    }
}
