package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowSeat;
import com.seatledger.topics.message.ShowSnapshot;

/**
 * Whole-show snapshots for readers that must not replay all of seat-status (SPEC §6.3). A show
 * changed since its last snapshot is remembered in {@code snapshotsDue} (in the same transaction
 * as its event, so a crash cannot forget it); {@link #takeDue} snapshots all of them in one pass,
 * which is what makes a snapshot's {@code coveredUntil} true for the whole partition.
 */
public final class ShowSnapshots {

    private final LedgerTables tables;
    /** Mirrors {@code snapshotsDue} so the hot path does not read the store per event. */
    private final Set<String> due = new HashSet<>();

    public ShowSnapshots(LedgerTables tables) {
        this.tables = tables;
        tables.snapshotsDue().scan("", String.valueOf(Character.MAX_VALUE), (showId, since) -> due.add(showId));
    }

    public void changed(String showId, Instant at) {
        if (due.add(showId)) {
            tables.snapshotsDue().put(showId, at.toEpochMilli());
        }
    }

    /** Snapshots every show changed since its last snapshot; the pass is the shows' only full read. */
    public List<ShowSnapshot> takeDue(Instant now) {
        List<ShowSnapshot> out = new ArrayList<>();
        for (String showId : due) {
            ShowRecord show = tables.shows().get(showId);
            if (show != null) {
                out.add(snapshot(show, now));
            }
            tables.snapshotsDue().delete(showId);
        }
        due.clear();
        return out;
    }

    ShowSnapshot snapshot(ShowRecord show, Instant now) {
        List<Map.Entry<String, SeatRecord>> rows = new ArrayList<>();
        tables.seats().scanPrefix(Keys.showPrefix(show.showId()), (key, seat) -> {
            rows.add(Map.entry(Keys.idOf(key), seat));
            return true;
        });
        rows.sort(Comparator.comparingInt(e -> e.getValue().ordinal()));
        List<ShowSeat> seats = new ArrayList<>(rows.size());
        Set<String> heldBy = new LinkedHashSet<>();
        for (Map.Entry<String, SeatRecord> e : rows) {
            SeatRecord s = e.getValue();
            seats.add(new ShowSeat(e.getKey(), s.section(), s.row(), s.number(), s.category(), s.status()));
            if (s.status() == SeatStatus.HELD) {
                heldBy.add(s.holdId());
            }
        }
        List<Hold> holds = new ArrayList<>();
        for (String holdId : heldBy) {
            Hold hold = tables.holds().get(Keys.of(show.showId(), holdId));
            if (hold != null) {
                holds.add(hold);
            }
        }
        return new ShowSnapshot(show.showId(), show.seq(), now, now, show.name(), show.startsAt(), show.policy(),
                seats, show.availability(), holds);
    }
}
