package com.seatledger.api.config;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.stereotype.Component;

import com.seatledger.api.view.StatusReader;
import com.seatledger.api.view.Views;

/**
 * Health of the two Kafka consumers: the seat-status reader (up once caught up with the history
 * it found at start) and the reply container.
 */
@Component("kafkaConsumers")
class KafkaHealth implements HealthIndicator {

    private final StatusReader reader;
    private final Views views;
    private final KafkaMessageListenerContainer<String, byte[]> replies;

    KafkaHealth(StatusReader reader, Views views, KafkaMessageListenerContainer<String, byte[]> replyContainer) {
        this.reader = reader;
        this.views = views;
        this.replies = replyContainer;
    }

    @Override
    public Health health() {
        Health.Builder b = reader.failure() != null || !replies.isRunning() ? Health.down()
                : reader.isReady() ? Health.up() : Health.outOfService();
        return b.withDetail("statusReader", reader.failure() != null ? "failed: " + reader.failure()
                        : reader.isReady() ? "caught up" : "catching up")
                .withDetail("lastPollMillisAgo", System.currentTimeMillis() - reader.lastPollMillis())
                .withDetail("shows", views.size())
                .withDetail("replyContainer", replies.isRunning() ? "running" : "stopped")
                .build();
    }
}
