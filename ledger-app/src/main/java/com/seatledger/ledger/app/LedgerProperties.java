package com.seatledger.ledger.app;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.seatledger.ledger.streams.LedgerSettings;
import com.seatledger.topics.Topics;

/**
 * {@code seatledger.*}: partitions and replication factor of the co-partitioned topics (created at start when missing),
 * the expiry punctuator's interval, how often changed shows are snapshotted, whether a decision after a quiet commit interval
 * is committed at once, and the consumer group's static member id ({@link StaticMembership}).
 */
@ConfigurationProperties("seatledger")
public record LedgerProperties(Integer partitions, Integer replicationFactor, Duration punctuateInterval,
        Duration snapshotInterval, Boolean quietCommits, String instanceId) {

    public LedgerProperties {
        partitions = partitions == null ? Topics.DEFAULT_PARTITIONS : partitions;
        punctuateInterval = punctuateInterval == null ? LedgerSettings.DEFAULTS.punctuateInterval() : punctuateInterval;
        snapshotInterval = snapshotInterval == null ? LedgerSettings.DEFAULTS.snapshotInterval() : snapshotInterval;
        quietCommits = quietCommits == null || quietCommits;
    }
}
