package com.seatledger.ledger.streams;

import com.seatledger.ledger.core.Ledger;

/**
 * Paces the loading of shows that no command has named yet after a task starts, per stream thread:
 * at most {@code budgetNanos} of loading per {@code windowMillis}, whichever tasks it is for. Every
 * task's punctuator wants to load its waiting shows; paced per task, the first round after a restart
 * loaded a show in every task of the thread in one go (~1 s, cold code) and the thread's first
 * commit, with the first decisions, waited for all of it.
 */
final class LoadPacer {

    private static final ThreadLocal<LoadPacer> PER_THREAD = new ThreadLocal<>();

    private final long windowMillis;
    private final long budgetNanos;
    /** Null before the first window: no sentinel time, whose difference to now could overflow. */
    private Long windowStart;
    private long spent;

    LoadPacer(long windowMillis, long budgetNanos) {
        this.windowMillis = windowMillis;
        this.budgetNanos = budgetNanos;
    }

    /** The calling stream thread's pacer. */
    static LoadPacer forThisThread(long windowMillis, long budgetNanos) {
        LoadPacer pacer = PER_THREAD.get();
        if (pacer == null) {
            pacer = new LoadPacer(windowMillis, budgetNanos);
            PER_THREAD.set(pacer);
        }
        return pacer;
    }

    /**
     * How long a stream thread may spend per punctuation interval loading shows nothing has named
     * since their task started: the rest of the time it decides, so the first commands after a
     * restart wait for their own show's load, not for every show of every task.
     */
    static final long BUDGET_NANOS = 50_000_000;

    /** Loads the ledger's next waiting show if the thread's budget allows; true when that was its last one. */
    static boolean loadNext(Ledger ledger, long nowMillis, long windowMillis) {
        LoadPacer pacer = forThisThread(windowMillis, BUDGET_NANOS);
        if (ledger.waitingShows() == 0 || !pacer.mayLoad(nowMillis)) {
            return false;
        }
        long started = System.nanoTime();
        ledger.loadNextWaiting();
        pacer.spent(System.nanoTime() - started);
        return ledger.waitingShows() == 0;
    }

    boolean mayLoad(long nowMillis) {
        if (windowStart == null || nowMillis - windowStart >= windowMillis) {
            windowStart = nowMillis;
            spent = 0;
        }
        return spent < budgetNanos;
    }

    void spent(long nanos) {
        spent += nanos;
    }
}
