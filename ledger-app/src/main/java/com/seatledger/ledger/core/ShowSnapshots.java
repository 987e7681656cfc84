package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.ShowSnapshot;

/**
 * Whole-show snapshots for readers that must not replay all of seat-status. A show changed since
 * its last snapshot is remembered in the store (in the same transaction as its event, so a crash
 * cannot forget it); {@link #takeDue} snapshots all of them in one pass, which is what makes a
 * snapshot's {@code coveredUntil} true for the whole partition.
 *
 * <p>It also stamps the task's seat-status records ({@link #stamp}): never earlier than the last pass's
 * {@code coveredUntil}, which is stored with the pass. So every event written after a pass, by this
 * instance or by one that takes the task over with a clock behind this one's, carries a timestamp
 * {@code >= coveredUntil}, and a reader that seeks each partition to its newest {@code coveredUntil}
 * by timestamp misses nothing, with no margin for clock differences.
 */
public final class ShowSnapshots {

    private final Ledger ledger;
    /** Mirrors the store's due marks so the hot path does not touch the store per event. */
    private final Set<String> due = new LinkedHashSet<>();
    /** the highest stamp given so far: stamps never go back, even if the wall clock does */
    private long lastStamp;

    public ShowSnapshots(Ledger ledger) {
        this.ledger = ledger;
        due.addAll(ledger.journal().snapshotsDue());
        lastStamp = ledger.journal().coveredUntil();
    }

    /** The timestamp for a seat-status record written at {@code wallClockMillis}. */
    public long stamp(long wallClockMillis) {
        lastStamp = Math.max(lastStamp, wallClockMillis);
        return lastStamp;
    }

    public void changed(String showId, Instant at) {
        if (due.add(showId)) {
            ledger.journal().snapshotDue(showId, at);
        }
    }

    /** The show was archived: no more snapshots of it (its store mark went with its state). */
    public void archived(String showId) {
        due.remove(showId);
    }

    /**
     * Snapshots every show changed since its last snapshot, all with one {@code coveredUntil}: no
     * earlier than any record stamped so far, and stored, so no later record is stamped before it.
     */
    public List<ShowSnapshot> takeDue(Instant now) {
        if (due.isEmpty()) {
            return List.of();
        }
        Instant covered = Instant.ofEpochMilli(stamp(now.toEpochMilli()));
        List<ShowSnapshot> out = new ArrayList<>();
        for (String showId : due) {
            ShowState show = ledger.show(showId);
            if (show != null) {
                out.add(snapshot(show, covered));
            }
            ledger.journal().snapshotTaken(showId);
        }
        due.clear();
        ledger.journal().coveredUntil(covered.toEpochMilli());
        return out;
    }

    static ShowSnapshot snapshot(ShowState show, Instant now) {
        List<Hold> holds = new ArrayList<>();
        for (HoldRec h : show.holds.values()) {
            if (h.active()) {
                holds.add(h.toHold(show));
            }
        }
        holds.sort(java.util.Comparator.comparing(Hold::holdId));
        return new ShowSnapshot(show.showId, show.seq, now, now, show.name, show.startsAt, show.policy, show.seats(),
                show.availability(), holds, show.areas(), show.orders.values().stream().filter(o -> !o.cancelled())
                        .sorted(java.util.Comparator.comparing(OrderRec::orderId)).map(o -> o.toOrder(show)).toList());
    }
}
