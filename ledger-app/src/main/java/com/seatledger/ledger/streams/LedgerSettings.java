package com.seatledger.ledger.streams;

import java.time.Duration;

/**
 * What the topology needs to know: how often the wall-clock punctuator runs (expiry must land
 * within 1 s of {@code expiresAt}), how often changed shows are snapshotted to seat-snapshots
 * (a reader replays at most about this much), and whether a decision after a commit interval
 * without one is committed at once ({@link QuietCommits}).
 */
public record LedgerSettings(Duration punctuateInterval, Duration snapshotInterval, boolean quietCommits) {

    public static final LedgerSettings DEFAULTS = new LedgerSettings(Duration.ofMillis(200), Duration.ofSeconds(10),
            true);

    public LedgerSettings(Duration punctuateInterval, Duration snapshotInterval) {
        this(punctuateInterval, snapshotInterval, true);
    }
}
