package com.seatledger.ledger.core;

import java.util.Map;

import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.SeatStatus;

/**
 * What tests, metrics and the benchmark read of a ledger: a seat's status and owner, a hold, the
 * counts. The rules never read through here; {@link Ledger} decides, this only looks.
 */
public final class LedgerReads {

    private final ShowBook book;
    private final Journal journal;

    LedgerReads(ShowBook book, Journal journal) {
        this.book = book;
        this.journal = journal;
    }

    public SeatStatus status(String showId, String seatId) {
        ShowState show = book.find(showId);
        int seat = show == null ? -1 : show.seat(seatId);
        return seat < 0 ? null : show.statusOf(seat);
    }

    /** The holdId of a HELD seat, the orderId of a SOLD one, else null. */
    public String owner(String showId, String seatId) {
        ShowState show = book.find(showId);
        int seat = show.seat(seatId);
        return show.holdOf[seat] != null ? show.holdOf[seat].holdId
                : show.orderOf[seat] != null ? show.orderOf[seat].orderId() : null;
    }

    /** The hold as it stands (an ended hold without its seats), or null. */
    public Hold hold(String showId, String holdId) {
        ShowState show = book.find(showId);
        HoldRec h = show == null ? null : show.holds.get(holdId);
        return h == null ? null : h.toHold(show);
    }

    public int heldBy(String showId, String actor) {
        return book.find(showId).heldBy(actor);
    }

    public long seq(String showId) {
        ShowState show = book.find(showId);
        return show == null ? 0 : show.seq;
    }

    public Map<String, Availability> availability(String showId) {
        return book.find(showId).availability();
    }

    public long journalEntriesWritten() {
        return journal.entriesWritten();
    }

    public long checkpointsWritten() {
        return journal.checkpointsWritten();
    }

    public int showCount() {
        return book.size();
    }

    /** Active holds of the loaded shows. */
    public int activeHolds() {
        int n = 0;
        for (ShowState show : book.all()) {
            n += show.activeHolds();
        }
        return n;
    }
}
