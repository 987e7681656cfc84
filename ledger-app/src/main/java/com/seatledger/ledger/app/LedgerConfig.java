package com.seatledger.ledger.app;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;

import com.seatledger.ledger.streams.LedgerSettings;
import com.seatledger.ledger.streams.LedgerTopology;
import com.seatledger.topics.Topics;

@Configuration(proxyBeanMethods = false)
class LedgerConfig {

    private static final Logger log = LoggerFactory.getLogger(LedgerConfig.class);

    /** KafkaAdmin creates missing topics before the streams start; replication is the broker's default. */
    @Bean
    KafkaAdmin.NewTopics seatLedgerTopics(LedgerProperties props) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(t -> t.newTopic(props.partitions()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer ledgerTopology(LedgerProperties props) {
        LedgerSettings settings = new LedgerSettings(props.punctuateInterval(), props.indexedShows(),
                props.snapshotInterval());
        return factory -> {
            factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureTopology(Topology topology) {
                    LedgerTopology.addTo(topology, settings);
                }
            });
            factory.setStreamsUncaughtExceptionHandler(e -> {
                // EOS rolls the failed transaction back; a fresh thread resumes from the last commit
                log.error("stream thread failed; replacing it", e);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            factory.setStateListener((now, before) -> {
                log.info("ledger streams {} -> {}", before, now);
                if (now == KafkaStreams.State.ERROR) {
                    log.error("ledger streams entered ERROR; no decisions until restarted");
                }
            });
        };
    }
}
