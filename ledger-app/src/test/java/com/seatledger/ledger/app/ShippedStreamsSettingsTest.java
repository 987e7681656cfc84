package com.seatledger.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The bench and the api-app's test stack run the ledger with exactly the Streams settings ledger-app ships. */
class ShippedStreamsSettingsTest {

    @Test
    void readsEveryStreamsSettingOfApplicationYmlAtItsDefault() {
        Properties p = ShippedStreamsSettings.load();
        assertThat(p).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50")
                .containsEntry("producer.max.in.flight.requests.per.connection", "1")
                .containsEntry("producer.transaction.timeout.ms", "5000")
                .containsEntry("consumer.session.timeout.ms", "6000");
        assertThat(p.values()).noneMatch(v -> v.toString().contains("${"));
        // Kafka Streams accepts every one of them
        Properties complete = new Properties();
        complete.putAll(p);
        complete.put(StreamsConfig.APPLICATION_ID_CONFIG, "check");
        complete.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        assertThat(new StreamsConfig(complete).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(50L);
    }

    @Test
    void aPlaceholderIsItsDefault() {
        assertThat(ShippedStreamsSettings.resolve("${SEATLEDGER_COMMIT_INTERVAL_MS:50}")).isEqualTo("50");
        assertThat(ShippedStreamsSettings.resolve("lz4")).isEqualTo("lz4");
    }
}
