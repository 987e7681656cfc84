package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the snapshot passes keep in the store beside the shows: which shows changed since their last
 * snapshot ({@code sd|show}), and how far the last pass covered ({@code sc|}), so an instance that
 * takes a partition over neither skips a changed show nor stamps an event before a pass it did not
 * see.
 */
final class SnapshotMarks {

    private static final String DUE = "sd|";
    private static final String COVERED = "sc|";

    private final LedgerStore store;

    SnapshotMarks(LedgerStore store) {
        this.store = store;
    }

    /** The shows changed since their last snapshot. */
    List<String> due() {
        List<String> due = new ArrayList<>();
        store.scan(DUE, DUE + '\uffff', (key, value) -> due.add(key.substring(DUE.length())));
        return due;
    }

    void due(String showId, Instant since) {
        store.put(DUE + showId, StoreFormat.plain(new Bin.Out(10).t(since)));
    }

    /** The show's snapshot is written (or the show is gone): no longer due. */
    void taken(String showId) {
        store.delete(DUE + showId);
    }

    /** The last snapshot pass's coveredUntil in epoch millis, 0 before the first. */
    long coveredUntil() {
        byte[] v = store.get(COVERED);
        return v == null ? 0 : StoreFormat.read(COVERED, v).u();
    }

    void coveredUntil(long epochMillis) {
        store.put(COVERED, StoreFormat.plain(new Bin.Out(10).u(epochMillis)));
    }
}
