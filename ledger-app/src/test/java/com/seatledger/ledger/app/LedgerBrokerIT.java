package com.seatledger.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.json.JsonSerde;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.ShowEvent;

/**
 * The packaged ledger-app (Spring Boot wiring, topic creation, exactly_once_v2) on a real KRaft
 * broker: commands in, results and events read back read_committed, and a restart on the same
 * state directory keeps every hold, idempotency record and the show's seq.
 */
class LedgerBrokerIT {

    static EmbeddedKafkaKraftBroker broker;
    static KafkaProducer<String, byte[]> producer;
    static KafkaConsumer<String, CommandResult> results;
    static KafkaConsumer<String, ShowEvent> events;

    @TempDir
    static Path stateDir;

    final Cmd cmd = new Cmd();
    final List<CommandResult> seenResults = new ArrayList<>();
    final List<ShowEvent> seenEvents = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 2);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new ByteArraySerializer());
        results = consumer(Topics.COMMAND_RESULTS.name(), JsonSerde.of(CommandResult.class));
        events = consumer(Topics.SEAT_STATUS.name(), JsonSerde.of(ShowEvent.class));
    }

    static <V> KafkaConsumer<String, V> consumer(String topic, JsonSerde<V> serde) {
        KafkaConsumer<String, V> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), serde);
        c.subscribe(List.of(topic));
        return c;
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        results.close();
        events.close();
        broker.destroy();
    }

    ConfigurableApplicationContext startLedger() {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--seatledger.partitions=2",
                "--server.port=0");
    }

    CommandResult send(Command c) {
        producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), c.showId(), Json.MAPPER.writeValueAsBytes(c)));
        producer.flush();
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            results.poll(Duration.ofMillis(100)).forEach(r -> seenResults.add(r.value()));
            events.poll(Duration.ZERO).forEach(r -> seenEvents.add(r.value()));
            return seenResults.stream().filter(r -> r.commandId().equals(c.commandId())).reduce((a, b) -> b);
        }, Optional::isPresent).orElseThrow();
    }

    @Test
    void decidesOnARealBrokerAndKeepsItsStateAcrossARestart() throws Exception {
        HoldSeats aliceHold = cmd.hold("alice", "tour-1", "h1", "A-1", "A-2");
        try (ConfigurableApplicationContext ledger = startLedger()) {
            assertThat(send(cmd.create("tour-1", null, Cmd.rows("STALLS", "AB", 10))).code()).isEqualTo(ResultCode.OK);
            CommandResult held = send(aliceHold);
            assertThat(held.code()).isEqualTo(ResultCode.OK);
            assertThat(held.seq()).isEqualTo(2L);
            assertHealthy(ledger);
            // the Streams settings it runs with are ledger-streams.yml's, which the bench reads too
            java.util.Properties running = ledger.getBean(org.springframework.kafka.config.StreamsBuilderFactoryBean.class)
                    .getStreamsConfiguration();
            ShippedStreamsSettings.load().forEach((key, value) -> assertThat(String.valueOf(running.get(key)))
                    .as(key.toString()).isEqualTo(value));
        }

        try (ConfigurableApplicationContext ledger = startLedger()) {
            assertThat(send(cmd.hold("bob", "tour-1", "h2", "A-2")).code())
                    .as("alice's hold survived the restart").isEqualTo(ResultCode.SEAT_UNAVAILABLE);
            CommandResult again = send(aliceHold);
            assertThat(again.duplicate()).as("the idempotency record survived").isTrue();
            assertThat(send(cmd.sell(Cmd.BOX_OFFICE, "tour-1", "o1", "B-1")).seq()).isEqualTo(3L);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            events.poll(Duration.ofMillis(100)).forEach(r -> seenEvents.add(r.value()));
            assertThat(seenEvents).extracting(ShowEvent::seq).containsExactly(1L, 2L, 3L);
        });
        assertThat(seenEvents).extracting(ShowEvent::cause).containsExactly(Cause.CREATE, Cause.HOLD, Cause.SELL);
    }

    /** The management port reports the stream state and serves the Kafka Streams metrics. */
    static void assertHealthy(ConfigurableApplicationContext ledger) throws Exception {
        String base = "http://localhost:" + ledger.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(health.body()).at("/components/kafkaStreams/details/state").asString())
                .isEqualTo("RUNNING");
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("kafka_stream_thread_process_total");
        // the ledger's own meters: its decisions by type and code, journal writes, what it holds, restore time
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).containsPattern(
                    "seatledger_ledger_decisions_seconds_count\\{code=\"OK\",outcome=\"ACCEPTED\",type=\"HOLD\"\\} 1");
            assertThat(body).containsPattern("seatledger_ledger_journal_entries_total [1-9]");
            assertThat(body).containsPattern("seatledger_ledger_holds_active 1");
            assertThat(body).containsPattern("seatledger_ledger_restore_seconds_count [1-9]");
            assertThat(body).contains("seatledger_ledger_expiry_lag_seconds_count");
        });
    }
}
