package com.seatledger.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/**
 * A decision after a quiet spell asks Kafka Streams to commit at once; decisions that follow each
 * other closely (load) leave the commit to the commit interval.
 */
class QuietCommitsTest {

    private static final long T = 1_796_000_000_000L;
    private static final TaskId A = new TaskId(0, 0);

    @Test
    void onlyADecisionAfterAQuietSpellIsCommittedAtOnce() {
        QuietCommits quiet = new QuietCommits();
        assertThat(quiet.decidedAfterQuiet(A, T, 50, () -> 0)).as("the first decision of a thread").isTrue();
        assertThat(quiet.decidedAfterQuiet(A, T + 10, 50, () -> 0)).isFalse();
        assertThat(quiet.decidedAfterQuiet(A, T + 59, 50, () -> 0)).as("49 ms after the last decision").isFalse();
        assertThat(quiet.decidedAfterQuiet(A, T + 109, 50, () -> 0)).as("50 ms after it").isTrue();
        assertThat(quiet.decidedAfterQuiet(A, T + 5_000, 0, () -> 0)).as("switched off").isFalse();
    }

    @Test
    void aGapThatIsMostlyACommitIsNotQuiet() {
        // commits slower than the quiet spell: each decision after a commit must not ask for the next
        // one, or Kafka Streams (halving its batch after every commit) commits one record at a time
        QuietCommits quiet = new QuietCommits();
        quiet.decidedAfterQuiet(A, T, 50, () -> 0);
        assertThat(quiet.decidedAfterQuiet(A, T + 70, 50, () -> 60)).as("70 ms gap, commits take 60 ms").isFalse();
        assertThat(quiet.decidedAfterQuiet(A, T + 190, 50, () -> 60)).as("120 ms: half of it idle").isTrue();
    }

    @Test
    void aCommitsTimeIsItsPerTaskAverageTimesTheTasksThatAreDeciding() {
        // Kafka Streams divides a commit's time by the tasks it committed: six busy tasks, 30 ms each
        // in the metric, are 180 ms commits, and a 200 ms gap is mostly one of them
        QuietCommits quiet = new QuietCommits();
        long t = T;
        for (int p = 0; p < 6; p++) {
            quiet.decidedAfterQuiet(new TaskId(0, p), t += 5, 50, () -> 30);
        }
        assertThat(quiet.decidedAfterQuiet(A, t += 200, 50, () -> 30)).isFalse();
        assertThat(quiet.decidedAfterQuiet(A, t += 400, 50, () -> 30)).as("400 ms: more than half idle").isTrue();
        // ten seconds later only task A is deciding: its commits alone
        assertThat(quiet.decidedAfterQuiet(A, t += QuietCommits.ACTIVE_MILLIS + 1, 50, () -> 30)).isTrue();
        assertThat(quiet.decidedAfterQuiet(A, t += 70, 50, () -> 30)).as("70 ms: more than twice 30").isTrue();
    }

    @Test
    void theProcessorRequestsACommitForARecordAfterAQuietSpellOnly() throws Exception {
        // the quiet spell is per stream thread: a thread of its own, so no other test's records count
        AtomicReference<List<Boolean>> commits = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                commits.set(commitsRequested(T, T + 10, T + 30, T + 500, T + 520));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.join();
        assertThat(failure.get()).isNull();
        assertThat(commits.get()).containsExactly(true, false, false, true, false);
    }

    /** Feeds one record at each time to a ledger processor; whether each asked for a commit. */
    private static List<Boolean> commitsRequested(long... times) {
        MockLedgerTask task = new MockLedgerTask("quiet-commits-test");
        List<Boolean> requested = new ArrayList<>();
        for (long at : times) {
            task.context.resetCommit();
            task.process(at, "{\"commandId\":\"c\",\"showId\":\"s1\",\"type\":\"HOLD\"}".getBytes(StandardCharsets.UTF_8));
            requested.add(task.context.committed());
        }
        return requested;
    }
}
