package com.seatledger.ledger.app;

import java.util.Set;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * {@code kafkaStreams} in /actuator/health: UP while the ledger decides (RUNNING, or REBALANCING,
 * which is part of normal life when instances come and go), DOWN once it cannot.
 */
@Component("kafkaStreams")
class LedgerHealth implements HealthIndicator {

    private final StreamsBuilderFactoryBean factory;

    LedgerHealth(StreamsBuilderFactoryBean factory) {
        this.factory = factory;
    }

    @Override
    public Health health() {
        KafkaStreams streams = factory.getKafkaStreams();
        if (streams == null) {
            return Health.outOfService().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = streams.state();
        Health.Builder h = switch (state) {
            case RUNNING, REBALANCING -> Health.up();
            case CREATED -> Health.outOfService();
            default -> Health.down();
        };
        Set<ThreadMetadata> threads = streams.metadataForLocalThreads();
        return h.withDetail("state", state.name())
                .withDetail("threads", threads.size())
                .withDetail("activeTasks", threads.stream().mapToInt(t -> t.activeTasks().size()).sum())
                .withDetail("standbyTasks", threads.stream().mapToInt(t -> t.standbyTasks().size()).sum())
                // which partitions this instance decides (task 0_N = partition N), for failover checks
                .withDetail("activeTaskIds", threads.stream().flatMap(t -> t.activeTasks().stream())
                        .map(t -> t.taskId().toString()).sorted().toList())
                .withDetail("standbyTaskIds", threads.stream().flatMap(t -> t.standbyTasks().stream())
                        .map(t -> t.taskId().toString()).sorted().toList())
                .build();
    }
}
