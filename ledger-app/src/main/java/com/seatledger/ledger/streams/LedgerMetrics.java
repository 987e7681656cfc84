package com.seatledger.ledger.streams;

import com.seatledger.topics.message.CommandType;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.ResultCode;

/**
 * What the ledger reports about itself (the app turns it into Micrometer meters on its Prometheus
 * endpoint; tests and the benchmark use {@link #NONE}). Called on stream threads: implementations
 * must be cheap and thread-safe.
 */
public interface LedgerMetrics {

    LedgerMetrics NONE = new LedgerMetrics() {
    };

    /** A command was decided (a duplicate counts under its original outcome and code). */
    default void decided(CommandType type, Outcome outcome, ResultCode code, long nanos) {
    }

    /** A hold expired this long after its {@code expiresAt}. */
    default void expired(long lagMillis) {
    }

    /** A task loaded shows from its store (after a start, rebalance or rollback; shows load as they are named). */
    default void loaded(String task, int shows, long nanos) {
    }

    /** Journal entries and checkpoints written since the last report. */
    default void written(long journalEntries, long checkpoints) {
    }

    /** A task's current size, reported by its stream thread every punctuation (gauges sum the tasks). */
    default void size(String task, int shows, int activeHolds) {
    }

    /** The task left this instance (or is being reloaded): it no longer counts in the gauges. */
    default void closed(String task) {
    }
}
