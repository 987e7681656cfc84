package com.seatledger.ledger.core;

import static com.seatledger.topics.message.ResultCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.message.*;

/**
 * What the ledger stores and reads back (docs/ledger.md "The store"): restarts from checkpoints and
 * journal pages, chunked layouts, deflated pages and batches, the format version, idempotency batches
 * across a restart and their deletion by day. The rules themselves are {@link LedgerTest}'s.
 */
class LedgerStorageTest extends LedgerSuite {

    @Test
    void aRestartLoadsEveryShowFromCheckpointAndJournal() {
        f.run(f.cmd.hold(ALICE, S, "h1", "A-1", "A-2"));
        f.run(f.cmd.confirm(ALICE, S, "h1", "o1"));
        f.run(f.cmd.holdFor(BOB, S, "h2", 5, "B-1"));
        f.advance(Duration.ofSeconds(6));
        f.run(f.cmd.hold(BOB, S, "h3", "C-3"));
        String before = LedgerModelProperties.describe(f.ledger.show(S));
        f.ledger = new Ledger(f.store);
        assertThat(LedgerModelProperties.describe(f.ledger.show(S))).isEqualTo(before);
    }

    @Test
    void aRestartedLedgerLoadsEachShowWhenFirstNamedOrWhenItsTurnComesAndThenExpiresItsHolds() {
        f.run(f.cmd.create("s2", null, layout()));
        f.run(f.cmd.holdFor(ALICE, S, "h1", 5, "A-1"));
        f.run(f.cmd.hold(ALICE, "s2", "h2", "A-1"));
        f.ledger = new Ledger(f.store);
        assertThat(f.ledger.reads().showCount()).isEqualTo(2);
        assertThat(f.ledger.waitingShows()).as("nothing loaded before it is needed").isEqualTo(2);

        assertThat(f.run(f.cmd.hold(BOB, "s2", "h3", "A-1")).code()).isEqualTo(SEAT_UNAVAILABLE);
        assertThat(f.ledger.waitingShows()).as("the show a command named").isEqualTo(1);

        f.now = f.now.plusSeconds(6);
        assertThat(f.ledger.loadNextWaiting()).as("the show nothing named").isEqualTo(1);
        assertThat(f.ledger.waitingShows()).isZero();
        assertThat(f.advance(Duration.ZERO)).as("the loaded show's holds are due again")
                .singleElement().satisfies(e -> {
                    assertThat(e.cause()).isEqualTo(Cause.EXPIRE);
                    assertThat(e.hold().holdId()).isEqualTo("h1");
                });
    }

    @Test
    void aShowNotLoadedYetStillExistsAndArchivedIdsStayTaken() {
        f.run(f.cmd.create("gone", null, layout()));
        f.run(f.cmd.archive(ADMIN, "gone"));
        f.ledger = new Ledger(f.store);
        assertThat(f.run(f.cmd.create(S, null, layout())).code()).as("a show of the store, not loaded yet")
                .isEqualTo(SHOW_EXISTS);
        assertThat(f.run(f.cmd.create("gone", null, layout())).code()).isEqualTo(SHOW_EXISTS);
        assertThat(f.ledger.waitingShows()).isZero();
    }

    @Test
    void aLongHistoryLoadsFromItsLastCheckpointAndTheJournalPagesAfterIt() {
        long checkpoints = -f.ledger.reads().checkpointsWritten();
        for (int i = 0; i < 3_000; i++) {
            f.run(f.cmd.hold(ALICE, S, "h" + i, "A-1", "A-2"));
            f.run(f.cmd.release(ALICE, S, "h" + i));
            if (i % 277 == 0) {
                // restarts mid-page too: the reloaded open page must go on where it was
                String before = LedgerModelProperties.describe(f.ledger.show(S));
                checkpoints += f.ledger.reads().checkpointsWritten();
                f.ledger = new Ledger(f.store);
                assertThat(LedgerModelProperties.describe(f.ledger.show(S))).as("after %d", i).isEqualTo(before);
            }
        }
        assertThat(checkpoints + f.ledger.reads().checkpointsWritten()).as("checkpoints along the way").isGreaterThan(1);
        assertThat(f.store.count("sp|" + S + "|")).as("a checkpoint deletes the pages it covers")
                .isBetween(1, Journal.MIN_CHECKPOINT_GAP / Journal.PAGE_BYTES + 1);
        f.run(f.cmd.hold(ALICE, S, "last", "A-1"));
        String before = LedgerModelProperties.describe(f.ledger.show(S));
        f.ledger = new Ledger(f.store);
        assertThat(LedgerModelProperties.describe(f.ledger.show(S))).isEqualTo(before);
        assertThat(f.run(f.cmd.hold(BOB, S, "h-bob", "A-1")).code()).isEqualTo(SEAT_UNAVAILABLE);
    }

    @Test
    void fullPagesBatchesAndBlobsAreStoredDeflatedAndEveryValueStartsWithTheFormatVersion() {
        for (int i = 0; i < 1_500; i++) {
            f.run(f.cmd.hold(ALICE, S, "h" + i, "A-1", "A-2"));
            f.run(f.cmd.release(ALICE, S, "h" + i));
        }
        f.run(f.cmd.hold(ALICE, S, "kept", "A-1"));
        f.run(f.cmd.create("gone", null, layout()));
        f.run(f.cmd.archive(ADMIN, "gone"));
        java.util.Map<String, byte[]> all = new java.util.TreeMap<>();
        f.store.scan("", "\uffff", (key, value) -> {
            all.put(key, value);
            return true;
        });
        assertThat(all).as("a full idempotency batch and a full page are deflated")
                .hasEntrySatisfying(all.keySet().stream().filter(k -> k.startsWith("cb|")).findFirst().orElseThrow(),
                        v -> assertThat(StoreFormat.isDeflated(v)).isTrue())
                .hasEntrySatisfying(all.keySet().stream().filter(k -> k.startsWith("sp|")).findFirst().orElseThrow(),
                        v -> assertThat(StoreFormat.isDeflated(v)).isTrue())
                .containsKey("sa|gone");
        assertThat(all).allSatisfy((key, value) -> assertThat(value[0]).as(key).isEqualTo((byte) StoreFormat.OLDEST));
        String before = LedgerModelProperties.describe(f.ledger.show(S));
        f.ledger = new Ledger(f.store);
        assertThat(LedgerModelProperties.describe(f.ledger.show(S))).isEqualTo(before);
    }

    @Test
    void aValueOfAnotherFormatStopsTheLoadWithItsKeyInsteadOfBeingMisread() {
        f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
        String key = "sk|" + S + "|0000";
        byte[] checkpoint = f.store.get(key);
        checkpoint[0] = (byte) (StoreFormat.VERSION + 1);
        f.store.put(key, checkpoint);
        f.ledger = new Ledger(f.store);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.ledger.show(S))
                .isInstanceOf(StoreFailure.class).hasMessageContaining(key)
                .hasCauseInstanceOf(UnknownStoreFormat.class);
    }

    @Test
    void aShowWhoseLayoutSpansSeveralChunksLoadsWhole() {
        f.run(f.cmd.create("big", null, Cmd.rows("X", "ABCDEFGHIJ", 4_000)));
        f.run(f.cmd.hold(ALICE, "big", "h1", "J-4000"));
        String before = LedgerModelProperties.describe(f.ledger.show("big"));
        f.ledger = new Ledger(f.store);
        assertThat(LedgerModelProperties.describe(f.ledger.show("big"))).isEqualTo(before);
    }

    @Test
    void forgettingOldIdempotencyRecordsKeepsTheState() {
        f.run(f.cmd.hold(ALICE, S, "h1", "A-1", "A-2"));
        f.run(f.cmd.sell(ADMIN, S, "o1", "B-1"));
        String before = LedgerModelProperties.describe(f.ledger.show(S));
        f.now = f.now.plus(Duration.ofDays(3));
        assertThat(f.ledger.forgetProcessed(f.now)).as("the one batch of three records").isEqualTo(1);
        f.ledger = new Ledger(f.store);
        assertThat(LedgerModelProperties.describe(f.ledger.show(S)))
                .as("the idempotency records are gone, the state is not").isEqualTo(before);
    }

    @Test
    void noRecordIsStampedBeforeTheLastSnapshotPassEvenOnAnInstanceWhoseClockIsBehind() {
        ShowSnapshots snapshots = new ShowSnapshots(f.ledger);
        f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
        snapshots.changed(S, f.now);
        long wall = f.now.toEpochMilli();
        assertThat(snapshots.stamp(wall)).isEqualTo(wall);
        Instant pass = f.now.plusSeconds(10);
        var taken = snapshots.takeDue(pass);
        assertThat(taken).singleElement().satisfies(s -> assertThat(s.coveredUntil()).isEqualTo(pass));
        assertThat(snapshots.stamp(wall)).as("the wall clock went back: stamps do not").isEqualTo(pass.toEpochMilli());

        // the task moves to an instance whose clock is a minute behind
        f.ledger = new Ledger(f.store);
        ShowSnapshots takenOver = new ShowSnapshots(f.ledger);
        long behind = pass.minusSeconds(60).toEpochMilli();
        assertThat(takenOver.stamp(behind)).as("stamped no earlier than the stored coveredUntil")
                .isEqualTo(pass.toEpochMilli());
        takenOver.changed(S, f.now);
        assertThat(takenOver.takeDue(Instant.ofEpochMilli(behind))).singleElement()
                .satisfies(s -> assertThat(s.coveredUntil()).as("coveredUntil never goes back").isEqualTo(pass));
        assertThat(takenOver.stamp(pass.toEpochMilli() + 5)).as("a clock ahead stamps as it is")
                .isEqualTo(pass.toEpochMilli() + 5);
    }

    @Test
    void aShowChangedWhileItsSnapshotIsBuiltStaysMarkedInTheStore() {
        ShowSnapshots snapshots = new ShowSnapshots(f.ledger);
        f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
        snapshots.changed(S, f.now);
        ShowSnapshots.Pass pass = snapshots.begin(f.now.plusSeconds(10));
        f.run(f.cmd.hold(BOB, S, "h2", "A-2"));
        snapshots.changed(S, f.now);
        assertThat(pass.build()).singleElement().satisfies(s -> assertThat(s.holds()).extracting(Hold::holdId)
                .as("as it was when the pass began").containsExactly("h1"));
        snapshots.finish(pass);

        // a crash now: the next instance of the task reads the marks from the store
        f.ledger = new Ledger(f.store);
        assertThat(new ShowSnapshots(f.ledger).takeDue(f.now.plusSeconds(20))).singleElement()
                .satisfies(s -> assertThat(s.holds()).extracting(Hold::holdId).containsExactly("h1", "h2"));
    }

    @Test
    void aSnapshotPassThatFailsLeavesItsShowsDue() {
        ShowSnapshots snapshots = new ShowSnapshots(f.ledger);
        f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
        snapshots.changed(S, f.now);
        snapshots.abandon(snapshots.begin(f.now.plusSeconds(10)));
        assertThat(snapshots.takeDue(f.now.plusSeconds(20))).extracting(ShowSnapshot::showId).containsExactly(S);
    }

    @Test
    void storeWritesFollowTheCommandNotTheShow() {
        long writes = f.store.writes();
        HoldSeats hold = f.cmd.hold(ALICE, S, "h1", "A-1", "A-2", "A-3");
        f.run(hold);
        assertThat(f.store.writes()).as("a journal entry and the batch of idempotency records, however many seats")
                .isEqualTo(writes + 2);
        f.run(f.cmd.hold(BOB, S, "h2", "A-1"));
        assertThat(f.store.writes()).as("a rejection: its idempotency record only").isEqualTo(writes + 3);
        f.run(hold);
        assertThat(f.store.writes()).as("a duplicate: nothing").isEqualTo(writes + 3);
    }

    @Test
    void recordsOfDaysOutsideTheWindowAreDeleted() {
        f.run(f.cmd.hold(ALICE, S, "h1", "Z-1"));
        f.now = f.now.plus(Ledger.IDEMPOTENCY_WINDOW);
        assertThat(f.ledger.forgetProcessed(f.now)).as("yesterday's records may still match").isZero();
        f.now = f.now.plus(Ledger.IDEMPOTENCY_WINDOW);
        assertThat(f.ledger.forgetProcessed(f.now)).as("the batch of the CREATE_SHOW and the HOLD").isEqualTo(1);
        assertThat(f.store.count("cb|")).isZero();
        assertThat(f.run(f.cmd.hold(ALICE, S, "h1", "Z-1")).duplicate()).as("decided afresh").isFalse();
    }

    @Test
    void manyCommandsShareABatchAndAreKnownAfterARestart() {
        List<HoldSeats> holds = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            HoldSeats h = f.cmd.hold("buyer-" + i, S, "h" + i, "Z-1");
            holds.add(h);
            f.run(h);
        }
        int batches = f.store.count("cb|");
        assertThat(batches).as("records are batched").isBetween(2, 50);
        List<byte[]> stored = new ArrayList<>();
        f.store.scan("cb|", "cb|\uffff", (key, value) -> stored.add(value));
        assertThat(stored.subList(0, stored.size() - 1)).as("full batches are stored deflated")
                .allSatisfy(v -> {
                    assertThat(StoreFormat.isDeflated(v)).isTrue();
                    assertThat(v.length).isLessThan(StoreFormat.body("cb", v).length / 2);
                });
        assertThat(StoreFormat.isDeflated(stored.getLast())).as("the open one is not").isFalse();
        f.ledger = new Ledger(f.store);
        for (HoldSeats h : holds) {
            assertThat(f.run(h).duplicate()).as(h.commandId()).isTrue();
        }
        f.now = f.now.plus(Duration.ofDays(1));
        ReleaseHold later = f.cmd.release(ALICE, S, "h-none");
        f.run(later);
        f.now = f.now.plus(Duration.ofHours(23));
        assertThat(f.ledger.forgetProcessed(f.now)).as("the first day's batches").isEqualTo(batches);
        f.ledger = new Ledger(f.store);
        assertThat(f.run(later).duplicate()).as("yesterday's record stays").isTrue();
        assertThat(f.run(holds.getFirst()).duplicate()).isFalse();
    }
}
