package com.seatledger.ledger.streams;

import java.util.function.DoubleSupplier;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Commits at once what a quiet stream thread decides. Under load a transaction gathers every
 * decision of a commit interval: a commit costs tens of milliseconds of round trips to the broker
 * (flush, offsets, end of transaction), and sharing it is what keeps the ledger's throughput. A
 * decision that comes after a quiet spell has nobody to share with: waiting for the interval only
 * makes its buyer (and every seat map) wait, on average half the interval. So when the thread has
 * decided nothing for {@code quietMillis}, the decision asks Kafka Streams to commit after this
 * record instead.
 *
 * <p>A commit itself is a gap between decisions, and one that must not count as quiet: with commits
 * slower than {@code quietMillis} (a loaded broker, a cluster on shared cores), every decision after
 * a commit would ask for the next one, and Kafka Streams, which halves its batch after each commit,
 * would end up committing one record at a time. So the gap must also be at least twice the thread's
 * average commit latency: at least half of it idle. Per stream thread (one transaction per thread
 * under exactly_once_v2), whichever task the record is for.
 */
final class QuietCommits {

    private static final ThreadLocal<QuietCommits> PER_THREAD = ThreadLocal.withInitial(QuietCommits::new);

    /** Null before the first decision: no sentinel time, whose difference to now could overflow. */
    private Long lastDecision;
    private Metric commitLatency;

    static QuietCommits forThisThread() {
        return PER_THREAD.get();
    }

    /**
     * Notes a decision at {@code nowMillis}; true when the thread had decided nothing for at least
     * {@code quietMillis} (0 or less: never) and for at least twice its average commit latency.
     */
    boolean decidedAfterQuiet(long nowMillis, long quietMillis, DoubleSupplier commitLatencyMillis) {
        boolean quiet = quietMillis > 0 && (lastDecision == null || nowMillis - lastDecision >= quietMillis
                && nowMillis - lastDecision >= 2 * commitLatencyMillis.getAsDouble());
        lastDecision = nowMillis;
        return quiet;
    }

    /** This stream thread's average commit latency in ms (Kafka Streams' own metric); 0 if it has none yet. */
    double commitLatencyMillis(ProcessorContext<?, ?> context) {
        if (commitLatency == null) {
            String thread = Thread.currentThread().getName();
            for (var e : context.metrics().metrics().entrySet()) {
                MetricName n = e.getKey();
                if ("commit-latency-avg".equals(n.name()) && "stream-thread-metrics".equals(n.group())
                        && thread.equals(n.tags().get("thread-id"))) {
                    commitLatency = e.getValue();
                    break;
                }
            }
            if (commitLatency == null) {
                return 0;
            }
        }
        return commitLatency.metricValue() instanceof Double d && !d.isNaN() ? d : 0;
    }
}
