package com.seatledger.ledger.streams;

import java.time.Duration;

/**
 * What the topology needs to know: how often the wall-clock punctuator runs (expiry must land
 * within 1 s of {@code expiresAt}) and how often changed shows are snapshotted to seat-snapshots
 * (a reader replays at most about this much).
 */
public record LedgerSettings(Duration punctuateInterval, Duration snapshotInterval) {

    public static final LedgerSettings DEFAULTS = new LedgerSettings(Duration.ofMillis(200), Duration.ofSeconds(10));
}
