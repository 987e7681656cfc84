package com.seatledger.ledger.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Commits at once what a quiet stream thread decides. Under load a transaction gathers every
 * decision of a commit interval: a commit costs tens of milliseconds of round trips to the broker
 * (flush, offsets, end of transaction), and sharing it is what keeps the ledger's throughput. A
 * decision that comes after a quiet spell has nobody to share with: waiting for the interval only
 * makes its buyer (and every seat map) wait, on average half the interval. So when the thread has
 * decided nothing for {@code quietMillis} (the commit interval: a decision that would have had an
 * interval to itself), the decision asks Kafka Streams to commit after this record instead. That is
 * at most one extra commit per interval: on a cluster whose commits are slow (and whose commit
 * interval is long for that reason) the extra commits stay as rare as the normal ones.
 *
 * <p>A commit itself is a gap between decisions, and one that must not count as quiet: with commits
 * slower than {@code quietMillis} (a loaded broker, a cluster on shared cores), every decision after
 * a commit would ask for the next one, and Kafka Streams, which halves its batch after each commit,
 * would end up committing one record at a time (a three-broker run on two cores stalled so). So the
 * gap must also be at least twice what a commit of this thread takes: at least half of it idle.
 * Kafka Streams' {@code commit-latency-avg} is a commit's time divided by the tasks it committed,
 * so it is multiplied back by the tasks that decided anything in the last {@value #ACTIVE_MILLIS}
 * ms (at least as many as any recent commit carried). Per stream thread (one transaction per thread
 * under exactly_once_v2), whichever task the record is for.
 */
final class QuietCommits {

    private static final ThreadLocal<QuietCommits> PER_THREAD = ThreadLocal.withInitial(QuietCommits::new);

    /** Tasks that decided within this long count as the ones a commit carries. */
    static final long ACTIVE_MILLIS = 10_000;

    /** Null before the first decision: no sentinel time, whose difference to now could overflow. */
    private Long lastDecision;
    /** When each task of this thread last decided (a handful of tasks per thread). */
    private final Map<TaskId, Long> lastByTask = new HashMap<>();
    private Metric commitLatency;

    /** Kafka Streams' commit interval under exactly_once_v2 when none is configured. */
    private static final long EOS_DEFAULT_COMMIT_INTERVAL_MS = 100;

    static QuietCommits forThisThread() {
        return PER_THREAD.get();
    }

    /** The quiet spell after which a decision is committed at once: the task's commit interval (0: off). */
    static long quietMillis(ProcessorContext<?, ?> context, boolean enabled) {
        if (!enabled) {
            return 0;
        }
        Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        return configured == null ? EOS_DEFAULT_COMMIT_INTERVAL_MS : Long.parseLong(configured.toString().trim());
    }

    /** Notes a decision of the context's task; after a quiet spell, asks for a commit after this record. */
    static void commitIfQuiet(ProcessorContext<?, ?> context, long nowMillis, long quietMillis) {
        QuietCommits quiet = forThisThread();
        if (quiet.decidedAfterQuiet(context.taskId(), nowMillis, quietMillis, () -> quiet.commitLatencyMillis(context))) {
            context.commit();
        }
    }

    /**
     * Notes a decision of {@code task} at {@code nowMillis}; true when the thread had decided nothing
     * for at least {@code quietMillis} (0 or less: never) and for at least twice what a commit takes:
     * {@code perTaskCommitMillis} (Kafka Streams' average, per task committed) times the thread's
     * recently active tasks.
     */
    boolean decidedAfterQuiet(TaskId task, long nowMillis, long quietMillis, DoubleSupplier perTaskCommitMillis) {
        boolean quiet = quietMillis > 0 && (lastDecision == null || nowMillis - lastDecision >= quietMillis
                && nowMillis - lastDecision >= 2 * perTaskCommitMillis.getAsDouble() * activeTasks(nowMillis));
        lastDecision = nowMillis;
        lastByTask.put(task, nowMillis);
        return quiet;
    }

    private int activeTasks(long nowMillis) {
        lastByTask.values().removeIf(at -> nowMillis - at > ACTIVE_MILLIS);
        return Math.max(1, lastByTask.size());
    }

    /** This stream thread's average commit latency per task committed, in ms (Kafka Streams' own metric); 0 if none yet. */
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
