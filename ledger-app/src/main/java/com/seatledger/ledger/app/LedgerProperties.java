package com.seatledger.ledger.app;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code seatledger.*}: partitions of the co-partitioned topics (created at start when missing),
 * the expiry punctuator's interval, and how many shows keep an in-memory seat index.
 */
@ConfigurationProperties("seatledger")
public record LedgerProperties(Integer partitions, Duration punctuateInterval, Integer indexedShows) {

    public LedgerProperties {
        partitions = partitions == null ? 12 : partitions;
        punctuateInterval = punctuateInterval == null ? Duration.ofMillis(200) : punctuateInterval;
        indexedShows = indexedShows == null ? 64 : indexedShows;
    }
}
