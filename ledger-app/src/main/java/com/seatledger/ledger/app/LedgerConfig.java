package com.seatledger.ledger.app;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.WebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;

import com.seatledger.ledger.streams.LedgerSettings;
import com.seatledger.ledger.streams.LedgerTopology;
import com.seatledger.topics.TopicSpec;
import com.seatledger.topics.Topics;

@Configuration(proxyBeanMethods = false)
class LedgerConfig {

    private static final Logger log = LoggerFactory.getLogger(LedgerConfig.class);

    /** KafkaAdmin creates missing topics before the streams start (replication: seatledger.replication-factor). */
    @Bean
    KafkaAdmin.NewTopics seatLedgerTopics(LedgerProperties props) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(t -> t.newTopic(props.partitions(), props.replicationFactor()))
                .toArray(NewTopic[]::new));
    }

    /** See {@link EarlyStart}: the streams start before the rest of the context is built. */
    @Bean
    StreamsStartedEarly streamsStartedEarly(StreamsBuilderFactoryBean factory, KafkaAdmin admin) throws Exception {
        return new StreamsStartedEarly(EarlyStart.start(factory, admin));
    }

    record StreamsStartedEarly(boolean started) {
    }

    /**
     * Spring builds the web server before any other bean, and builds it only once every customizer
     * of it exists: this one needs the streams started, so they start first and join the group,
     * open and restore the stores while Tomcat is built (~1 s of a restart on two cores), instead
     * of after it.
     */
    @Bean
    WebServerFactoryCustomizer<WebServerFactory> streamsBeforeWebServer(StreamsStartedEarly streams) {
        return factory -> {
        };
    }

    /** A MeterBinder: the registry binds it later, so the streams need not wait for the registry. */
    @Bean
    LedgerMeters ledgerMeters() {
        return new LedgerMeters();
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer ledgerTopology(LedgerProperties props, LedgerMeters meters) {
        LedgerSettings settings = new LedgerSettings(props.punctuateInterval(), props.snapshotInterval(),
                props.quietCommits());
        return factory -> {
            Properties streams = factory.getStreamsConfiguration();
            StaticMembership.instanceId(props.instanceId(),
                    Path.of(streams.getProperty(StreamsConfig.STATE_DIR_CONFIG, "."))).ifPresent(id -> {
                        // Kafka Streams appends the stream thread's index to it
                        streams.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id);
                        log.info("static group membership as {}", id);
                    });
            if (props.replicationFactor() != null) {
                // the changelogs (the topology's only internal topics) are replicated
                // like the contract's topics; the streams' producer writes with acks=all already
                // (exactly_once_v2 requires it)
                streams.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, props.replicationFactor());
                streams.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                        Integer.toString(TopicSpec.minInsyncReplicas(props.replicationFactor())));
            }
            factory.setStreamsConfiguration(streams);
            // a static member does not leave the group when it stops, so its partitions would wait
            // out its session; a deliberate stop (SIGTERM, rolling restart) hands them over at once
            factory.setLeaveGroupOnClose(true);
            factory.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                // the factory builds its (one) topology twice: early (streamsStartedEarly), then again
                // once every bean exists
                private boolean added;

                @Override
                public void configureTopology(Topology topology) {
                    if (!added) {
                        LedgerTopology.addTo(topology, settings, meters);
                        added = true;
                    }
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
