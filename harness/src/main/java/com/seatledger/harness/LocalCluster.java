package com.seatledger.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A real KRaft cluster of one or more nodes as child processes: every node is broker and
 * controller (one controller quorum of all of them), node i listens on basePort + 2i (its
 * controller on the next port). With three nodes the cluster keeps working while one is away:
 * internal topics have three replicas and need two in sync, as a production cluster would.
 */
public final class LocalCluster implements AutoCloseable {

    private final List<LocalBroker> nodes;

    private LocalCluster(List<LocalBroker> nodes) {
        this.nodes = nodes;
    }

    /** Formats {@code size} fresh nodes under {@code parent} and starts them; returns once every node's port is open. */
    public static LocalCluster start(String classpath, Path parent, int basePort, int size)
            throws IOException, InterruptedException {
        String voters = java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@localhost:" + (basePort + 2 * i + 1)).collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        String stamp = Long.toString(System.currentTimeMillis());
        // three nodes share two cores with the apps: small heaps, as the brokers' data is small
        String heap = size == 1 ? "-Xmx1g" : "-Xmx512m";
        List<LocalBroker> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Path dir = parent.resolve("kafka-" + stamp + (size == 1 ? "" : "-node" + (i + 1)));
            nodes.add(LocalBroker.format(classpath, dir, i + 1, basePort + 2 * i, voters, size, clusterId, heap));
        }
        for (LocalBroker n : nodes) {
            n.launch();
        }
        for (LocalBroker n : nodes) {
            n.awaitPort(Duration.ofSeconds(90));
        }
        return new LocalCluster(List.copyOf(nodes));
    }

    public List<LocalBroker> nodes() {
        return nodes;
    }

    public LocalBroker node(int index) {
        return nodes.get(index);
    }

    /** Every node's address: clients find the live ones. */
    public String bootstrap() {
        return nodes.stream().map(LocalBroker::bootstrap).collect(Collectors.joining(","));
    }

    /** The node leading the most partitions of {@code topics} (ties: the lowest node id). */
    public LocalBroker leaderOfMost(List<String> topics) throws Exception {
        Map<Integer, Long> led = leaders(topics).stream()
                .collect(Collectors.groupingBy(p -> p.leader().id(), Collectors.counting()));
        int id = led.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey();
        return nodes.stream().filter(n -> n.nodeId() == id).findFirst().orElseThrow();
    }

    /** Whether every partition of {@code topics} has all its replicas in sync (after a node came back). */
    public boolean fullyInSync(List<String> topics) throws Exception {
        return leaders(topics).stream().allMatch(p -> p.leader() != null && p.isr().size() == p.replicas().size());
    }

    private List<TopicPartitionInfo> leaders(List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .map(TopicDescription::partitions).flatMap(List::stream).toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (nodes.size() > 1) {
            // a controlled shutdown of the last nodes would wait for a quorum that is gone
            for (LocalBroker n : nodes) {
                n.kill();
            }
        }
        for (LocalBroker n : nodes) {
            n.close();
        }
    }
}
