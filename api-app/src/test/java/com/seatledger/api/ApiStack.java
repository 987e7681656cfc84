package com.seatledger.api;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.seatledger.harness.KafkaClients;
import com.seatledger.ledger.app.ShippedStreamsSettings;
import com.seatledger.ledger.streams.LedgerSettings;
import com.seatledger.ledger.streams.LedgerTopology;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;

import tools.jackson.databind.JsonNode;

/**
 * A whole Seat Ledger in one JVM for integration tests: a real KRaft broker, the real ledger
 * topology with exactly_once_v2, and api-app instances started as Spring Boot applications.
 */
final class ApiStack implements AutoCloseable {

    static final String SECRET = "integration-test-secret-with-at-least-32-bytes";
    static final int PARTITIONS = 3;

    final EmbeddedKafkaKraftBroker broker;
    private KafkaStreams ledger;
    private final Path stateDir;
    private final List<ConfigurableApplicationContext> apis = new ArrayList<>();

    ApiStack() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "message.max.bytes", Integer.toString(Topics.MAX_MESSAGE_BYTES)));
        broker.afterPropertiesSet();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(Topics.ALL.stream().map(t -> t.newTopic(PARTITIONS)).toList()).all().get();
        }
        stateDir = Files.createTempDirectory("api-it-ledger");
        startLedger();
    }

    String bootstrap() {
        return broker.getBrokersAsString();
    }

    void startLedger() {
        // the ledger as it ships (its Streams settings, ledger-streams.yml), on this broker and folder
        Properties p = ShippedStreamsSettings.load();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "seat-ledger-it");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        LedgerSettings settings = new LedgerSettings(Duration.ofMillis(100), Duration.ofSeconds(1));
        ledger = new KafkaStreams(LedgerTopology.buildTopology(settings), p);
        ledger.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.state() == KafkaStreams.State.RUNNING);
    }

    void stopLedger() {
        ledger.close(Duration.ofSeconds(30));
    }

    /** Starts an api-app instance; returns its base URL once its views have caught up. */
    Api startApi(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap(),
                "--seatledger.partitions=" + PARTITIONS,
                "--seatledger.jwt-secret=" + SECRET,
                "--seatledger.reply-timeout=4s",
                "--seatledger.sse.queue-frames=16",
                "--seatledger.sse.writer-threads=4"));
        // an extra argument replaces a default of the same name (Spring would join the two with a comma)
        for (String extra : extraArgs) {
            String name = extra.substring(0, extra.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(name));
            args.add(extra);
        }
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ApiApplication.class)
                .run(args.toArray(String[]::new));
        apis.add(ctx);
        Api api = new Api(ctx, "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port"));
        await().atMost(Duration.ofSeconds(60)).until(() -> api.http().get("/actuator/health", null).status() == 200);
        return api;
    }

    /**
     * Waits until seat-snapshots holds a snapshot of {@code show} at {@code seq} or later: what a
     * new instance starts from (the ledger here writes a snapshot pass every second).
     */
    void awaitSnapshot(String show, long seq) {
        try (KafkaConsumer<String, byte[]> consumer = fromStart(Topics.SNAPSHOTS.name())) {
            await("a snapshot of " + show + " at seq " + seq).atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (show.equals(r.key()) && r.value() != null
                            && Json.MAPPER.readTree(r.value()).path("seq").asLong() >= seq) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    /** The first {@code count} commands of {@code actor} on seat-commands for {@code show}, as written. */
    List<JsonNode> commandsOf(String show, String actor, int count) {
        List<JsonNode> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = fromStart(Topics.COMMANDS.name())) {
            await(count + " commands of " + actor + " in " + show).atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode command = Json.MAPPER.readTree(r.value());
                    if (show.equals(r.key()) && actor.equals(command.path("actor").asString())) {
                        out.add(command);
                    }
                }
                return out.size() >= count;
            });
        }
        return out.subList(0, count);
    }

    /** The keys of every record on {@code topic} now, read from the start to its end. */
    List<String> keysOn(String topic) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = fromStart(topic)) {
            var end = consumer.endOffsets(consumer.assignment());
            await("the end of " + topic).atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
                return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return keys;
    }

    private KafkaConsumer<String, byte[]> fromStart(String topic) {
        return KafkaClients.fromStart(bootstrap(), topic, PARTITIONS);
    }

    record Api(ConfigurableApplicationContext context, String url) {
        Http http() {
            return new Http(url);
        }
    }

    @Override
    public void close() {
        apis.forEach(ConfigurableApplicationContext::close);
        if (ledger != null) {
            ledger.close(Duration.ofSeconds(10));
        }
        broker.destroy();
    }
}
