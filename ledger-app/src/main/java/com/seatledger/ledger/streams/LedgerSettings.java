package com.seatledger.ledger.streams;

import java.time.Duration;

/**
 * What the topology needs to know: how often the wall-clock punctuator runs (expiry must land
 * within 1 s of {@code expiresAt}), how often changed shows are snapshotted to seat-snapshots
 * (a reader replays at most about this much), and after how long without a decision the next one
 * is committed at once instead of at the commit interval ({@link QuietCommits}; zero: never).
 */
public record LedgerSettings(Duration punctuateInterval, Duration snapshotInterval, Duration quietCommit) {

    public static final Duration DEFAULT_QUIET_COMMIT = Duration.ofMillis(50);

    public static final LedgerSettings DEFAULTS = new LedgerSettings(Duration.ofMillis(200), Duration.ofSeconds(10),
            DEFAULT_QUIET_COMMIT);

    public LedgerSettings(Duration punctuateInterval, Duration snapshotInterval) {
        this(punctuateInterval, snapshotInterval, DEFAULT_QUIET_COMMIT);
    }
}
