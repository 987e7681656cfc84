package com.seatledger.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.seatledger.ledger.Cmd;
import com.seatledger.ledger.core.Ledger;
import com.seatledger.ledger.core.MemoryStore;
import com.seatledger.ledger.core.ShowSnapshots;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.ShowEvent;

import tools.jackson.databind.JsonNode;

/**
 * A snapshot pass from the stream thread's side: the shows are copied when it begins, built on the
 * builder thread, and forwarded from a later punctuation; what is written when depends on the wall
 * clock, never on how fast the builder happened to be, and a pass that is not written leaves its
 * shows due.
 */
@Timeout(30) // a writer that waited for a builder it must not wait for would hang, not fail
class SnapshotWriterTest {

    private static final long T = Cmd.T0.toEpochMilli();
    private static final LedgerSettings SETTINGS = new LedgerSettings(Duration.ofMillis(100), Duration.ofSeconds(10));
    private static final long PUNCTUATE = SETTINGS.punctuateInterval().toMillis();

    private final Cmd cmd = new Cmd();
    private final Ledger ledger = new Ledger(new MemoryStore());
    private final ShowSnapshots snapshots = new ShowSnapshots(ledger);
    private final ExecutorService builder = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());
    private final SnapshotWriter writer = new SnapshotWriter(snapshots, builder, SETTINGS, "0_0");
    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();

    @AfterEach
    void stopTheBuilder() {
        builder.shutdownNow();
    }

    /** Decides {@code c} and marks the shows it changed, as the processor does. */
    private void decide(Command c) {
        for (ShowEvent e : ledger.decide(c, Cmd.T0).events()) {
            snapshots.changed(e.showId(), e.at());
        }
    }

    private List<JsonNode> written() {
        return context.forwarded().stream().map(CapturedForward::record)
                .map(r -> Json.MAPPER.readTree((byte[]) r.value())).toList();
    }

    @Test
    void aPassIsWrittenFromALaterPunctuationWithItsCoveredUntil() throws Exception {
        assertThat(writer.begin(T)).as("nothing changed: no pass").isFalse();
        decide(cmd.create("s1", null, Cmd.rows("STALLS", "AB", 4)));
        decide(cmd.hold("alice", "s1", "h-1", "A-1"));

        assertThat(writer.begin(T + 1_000)).isTrue();
        assertThat(writer.pending()).isTrue();
        builder.submit(() -> { }).get(5, TimeUnit.SECONDS); // the pass is built
        writer.write(false, T + 1_000 + PUNCTUATE - 1, context, "snapshots");
        assertThat(context.forwarded()).as("never in the round of punctuations that began it").isEmpty();

        writer.write(false, T + 1_000 + PUNCTUATE, context, "snapshots");
        assertThat(context.forwarded()).singleElement().satisfies(f -> {
            assertThat(f.childName()).hasValue("snapshots");
            assertThat(f.record().key()).isEqualTo("s1");
            assertThat(f.record().timestamp()).as("stamped with coveredUntil").isEqualTo(T + 1_000);
        });
        JsonNode snapshot = written().getFirst();
        assertThat(snapshot.path("seq").asLong()).isEqualTo(2);
        assertThat(snapshot.path("coveredUntil").asString()).isEqualTo(Instant.ofEpochMilli(T + 1_000).toString());
        assertThat(snapshot.path("holds").get(0).path("holdId").asString()).isEqualTo("h-1");
        assertThat(writer.pending()).isFalse();
        assertThat(writer.begin(T + 11_000)).as("written: nothing is due any more").isFalse();
    }

    @Test
    void aSlowBuilderIsWaitedForOnlyWhenThePassIsHalfAnIntervalOldOrTheNextBegins() throws Exception {
        decide(cmd.create("s1", null, Cmd.rows("STALLS", "A", 4)));
        CountDownLatch busy = new CountDownLatch(1);
        builder.submit(() -> { busy.await(); return null; }); // another task's big show, ahead in the queue
        assertThat(writer.begin(T)).isTrue();

        writer.write(false, T + PUNCTUATE, context, "snapshots");
        writer.write(false, T + SETTINGS.snapshotInterval().toMillis() / 2 - 1, context, "snapshots");
        assertThat(context.forwarded()).as("the stream thread does not wait for another task's pass").isEmpty();
        assertThat(writer.pending()).isTrue();

        busy.countDown();
        writer.write(true, T + PUNCTUATE, context, "snapshots");
        assertThat(written()).singleElement().satisfies(s -> assertThat(s.path("showId").asString()).isEqualTo("s1"));
    }

    @Test
    void aLargeShowWaitsForAPassUntilItsEventsWeighAsMuchOrTheLongestSpacing() throws Exception {
        // 26 rows of 420: ~1.1 MB a snapshot, more than a small pass
        decide(cmd.create("big", null, Cmd.rows("STALLS", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 420)));
        assertThat(writer.begin(T)).as("the first pass of a task").isTrue();
        writer.write(true, T + PUNCTUATE, context, "snapshots");
        long interval = SETTINGS.snapshotInterval().toMillis();

        decide(cmd.hold("alice", "big", "h-1", "A-1"));
        assertThat(writer.begin(T + interval)).as("one event does not pay for a 1 MB pass").isFalse();
        for (int i = 0; i < 2_300; i++) {
            snapshots.changed("big", Cmd.T0); // the events of other decisions
        }
        assertThat(writer.begin(T + 2 * interval)).as("2,300 events weigh more than the pass").isTrue();
        writer.write(true, T + 2 * interval + PUNCTUATE, context, "snapshots");

        decide(cmd.hold("bob", "big", "h-2", "A-2"));
        long last = T + 2 * interval;
        assertThat(writer.begin(last + (SnapshotWriter.LONGEST_SPACING - 1) * interval)).isFalse();
        assertThat(writer.begin(last + SnapshotWriter.LONGEST_SPACING * interval)).as("the longest spacing").isTrue();
        writer.write(true, last + SnapshotWriter.LONGEST_SPACING * interval + PUNCTUATE, context, "snapshots");
        assertThat(written()).extracting(s -> s.path("seq").asLong()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aShowArchivedDuringThePassIsNotWritten() throws Exception {
        decide(cmd.create("s1", null, Cmd.rows("STALLS", "A", 4)));
        decide(cmd.create("s2", null, Cmd.rows("STALLS", "A", 4)));
        assertThat(writer.begin(T)).isTrue();
        decide(cmd.archive(Cmd.BOX_OFFICE, "s1"));
        snapshots.archived("s1");

        writer.write(true, T + PUNCTUATE, context, "snapshots");
        assertThat(written()).extracting(s -> s.path("showId").asString()).containsExactly("s2");
    }

    @Test
    void aPassNotWrittenLeavesItsShowsDue() throws Exception {
        decide(cmd.create("s1", null, Cmd.rows("STALLS", "A", 4)));
        assertThat(writer.begin(T)).isTrue();
        writer.close(); // the task is closed or migrates before the pass is written

        ShowSnapshots nextOwner = new ShowSnapshots(ledger); // what the store says
        SnapshotWriter next = new SnapshotWriter(nextOwner, builder, SETTINGS, "0_0");
        assertThat(next.begin(T + 10_000)).as("the show's mark is still in the store").isTrue();
        next.write(true, T + 10_000 + PUNCTUATE, context, "snapshots");
        assertThat(written()).singleElement().satisfies(s -> assertThat(s.path("showId").asString()).isEqualTo("s1"));
    }
}
