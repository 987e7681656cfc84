package com.seatledger.ledger.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.util.FileSystemUtils;

/**
 * Starts Kafka Streams while the rest of the context (web server, actuator, metrics) is still being
 * built, instead of after it: joining the group, opening the store and restoring it then overlap
 * the second half of start-up, which is most of what a restarted ledger waits for before it decides
 * again. The topics come first (Streams needs its source topic), so Spring's own topic creation
 * after all beans is turned off ({@code spring.kafka.admin.auto-create}).
 *
 * <p>In the AOT cache's training run ({@code -Dspring.context.exit=onRefresh}) nothing may connect
 * anywhere: the streams are built and closed, never started, so the classes a real start loads
 * (clients, Streams internals, the topology) are in the cache too.
 */
final class EarlyStart {

    static final boolean TRAINING = "onRefresh".equals(System.getProperty("spring.context.exit"));

    private EarlyStart() {
    }

    /** @return whether the streams run now */
    static boolean start(StreamsBuilderFactoryBean factory, KafkaAdmin admin) throws Exception {
        if (TRAINING) {
            rehearse(factory);
            return false;
        }
        if (!factory.isAutoStartup()) {
            return false;
        }
        if (!admin.initialize()) {
            throw new IllegalStateException("could not create or check the topics; is Kafka reachable?");
        }
        factory.afterSingletonsInstantiated(); // builds the topology, which start() runs
        factory.start();
        return factory.isRunning();
    }

    private static void rehearse(StreamsBuilderFactoryBean factory) throws Exception {
        factory.afterSingletonsInstantiated();
        Properties props = factory.getStreamsConfiguration();
        // never the real state directory: a constructed KafkaStreams writes its process id there
        Path scratch = Files.createTempDirectory("seat-ledger-aot-training");
        props.put(StreamsConfig.STATE_DIR_CONFIG, scratch.toString());
        try (KafkaStreams streams = new KafkaStreams(factory.getTopology(), props)) {
            streams.state(); // built, never started
        } finally {
            FileSystemUtils.deleteRecursively(scratch);
        }
    }
}
