package com.seatledger.ledger.streams;

import java.time.Duration;

import com.seatledger.ledger.core.Ledger;

/**
 * What the topology needs to know: how often the wall-clock punctuator runs (expiry must land
 * within 1 s of {@code expiresAt}), how many shows keep an in-memory seat index, and how often
 * changed shows are snapshotted to seat-snapshots (a reader replays at most about this much).
 */
public record LedgerSettings(Duration punctuateInterval, int indexedShows, Duration snapshotInterval) {

    public static final LedgerSettings DEFAULTS = new LedgerSettings(Duration.ofMillis(200),
            Ledger.DEFAULT_INDEXED_SHOWS, Duration.ofSeconds(10));
}
