package com.seatledger.ledger.streams;

import com.seatledger.ledger.core.Ledger;

/** What one task's ledger wrote and loaded since its last report, turned into {@link LedgerMetrics} calls. */
final class TaskMeters {

    private final LedgerMetrics metrics;
    private final String task;
    private long entries;
    private long checkpoints;
    private long loads;
    private long loadNanos;

    TaskMeters(LedgerMetrics metrics, String task, long initNanos) {
        this.metrics = metrics;
        this.task = task;
        metrics.loaded(task, 0, initNanos);
    }

    void report(Ledger ledger) {
        long e = ledger.reads().journalEntriesWritten();
        long c = ledger.reads().checkpointsWritten();
        metrics.written(e - entries, c - checkpoints);
        entries = e;
        checkpoints = c;
        long l = ledger.showsLoaded();
        if (l > loads) {
            metrics.loaded(task, (int) (l - loads), ledger.loadNanos() - loadNanos);
            loads = l;
            loadNanos = ledger.loadNanos();
        }
        metrics.size(task, ledger.reads().showCount(), ledger.reads().activeHolds());
    }

    void closed(Ledger ledger) {
        report(ledger);
        metrics.closed(task);
    }
}
