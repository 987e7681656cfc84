package com.seatledger.ledger.streams;

/**
 * Commits at once what a quiet stream thread decides. Under load a transaction gathers every
 * decision of a commit interval: a commit costs tens of milliseconds of round trips to the broker
 * (flush, offsets, end of transaction), and sharing it is what keeps the ledger's throughput. A
 * decision that comes after a quiet spell has nobody to share with: waiting for the interval only
 * makes its buyer (and every seat map) wait, on average half the interval. So when the thread has
 * decided nothing for {@code quietMillis}, the decision asks Kafka Streams to commit after this
 * record instead. That is at most one extra commit per quiet spell, so never more than
 * {@code 1000 / quietMillis} a second, however the load is spread over tasks; under load the gaps
 * are shorter and nothing changes. Per stream thread (one transaction per thread under
 * exactly_once_v2), whichever task the record is for.
 */
final class QuietCommits {

    private static final ThreadLocal<QuietCommits> PER_THREAD = ThreadLocal.withInitial(QuietCommits::new);

    /** Null before the first decision: no sentinel time, whose difference to now could overflow. */
    private Long lastDecision;

    static QuietCommits forThisThread() {
        return PER_THREAD.get();
    }

    /**
     * Notes a decision at {@code nowMillis}; true when the thread had decided nothing for at least
     * {@code quietMillis} before it (0 or less: never).
     */
    boolean decidedAfterQuiet(long nowMillis, long quietMillis) {
        boolean quiet = quietMillis > 0 && (lastDecision == null || nowMillis - lastDecision >= quietMillis);
        lastDecision = nowMillis;
        return quiet;
    }
}
