package com.seatledger.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import com.seatledger.ledger.core.Ledger;

/**
 * A decision after a quiet spell asks Kafka Streams to commit at once; decisions that follow each
 * other closely (load) leave the commit to the commit interval.
 */
class QuietCommitsTest {

    private static final long T = 1_796_000_000_000L;

    @Test
    void onlyADecisionAfterAQuietSpellIsCommittedAtOnce() {
        QuietCommits quiet = new QuietCommits();
        assertThat(quiet.decidedAfterQuiet(T, 50, () -> 0)).as("the first decision of a thread").isTrue();
        assertThat(quiet.decidedAfterQuiet(T + 10, 50, () -> 0)).isFalse();
        assertThat(quiet.decidedAfterQuiet(T + 59, 50, () -> 0)).as("49 ms after the last decision").isFalse();
        assertThat(quiet.decidedAfterQuiet(T + 109, 50, () -> 0)).as("50 ms after it").isTrue();
        assertThat(quiet.decidedAfterQuiet(T + 5_000, 0, () -> 0)).as("switched off").isFalse();
    }

    @Test
    void aGapThatIsMostlyACommitIsNotQuiet() {
        // commits slower than the quiet spell: each decision after a commit must not ask for the next
        // one, or Kafka Streams (halving its batch after every commit) commits one record at a time
        QuietCommits quiet = new QuietCommits();
        quiet.decidedAfterQuiet(T, 50, () -> 0);
        assertThat(quiet.decidedAfterQuiet(T + 70, 50, () -> 60)).as("70 ms gap, commits take 60 ms").isFalse();
        assertThat(quiet.decidedAfterQuiet(T + 190, 50, () -> 60)).as("120 ms: half of it idle").isTrue();
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
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        for (String name : List.of(LedgerStores.STATE, LedgerStores.RECENT)) {
            KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                    Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        LedgerProcessor processor = new LedgerProcessor(LedgerSettings.DEFAULTS, Ledger::new, LedgerMetrics.NONE);
        processor.init(context);
        List<Boolean> requested = new ArrayList<>();
        for (long at : times) {
            context.resetCommit();
            context.setCurrentSystemTimeMs(at);
            processor.process(new Record<>("s1".getBytes(StandardCharsets.UTF_8),
                    "{\"commandId\":\"c\",\"showId\":\"s1\",\"type\":\"HOLD\"}".getBytes(StandardCharsets.UTF_8), at));
            requested.add(context.committed());
        }
        return requested;
    }
}
