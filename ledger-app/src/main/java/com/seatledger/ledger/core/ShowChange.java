package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.SeatChange;
import com.seatledger.topics.message.ShowEvent;

/**
 * The seat writes of one accepted decision on one show, turned into its single event: seats whose
 * status changed are listed, availability follows every move, and seq grows by exactly one.
 */
final class ShowChange {

    private final ShowBook book;
    private final ShowRecord show;
    private final Map<String, Availability> availability;
    private final List<SeatChange> changes = new ArrayList<>();

    ShowChange(ShowBook book, ShowRecord show) {
        this.book = book;
        this.show = show;
        this.availability = new TreeMap<>(show.availability());
    }

    void set(String seatId, SeatRecord before, SeatRecord after) {
        book.tables().seats().put(Keys.of(show.showId(), seatId), after);
        if (before.status() != after.status()) {
            availability.computeIfPresent(after.category(), (c, a) -> a.move(before.status(), after.status()));
            changes.add(new SeatChange(seatId, after.status()));
            if (before.isAvailable() != after.isAvailable()) {
                book.maps().seatChanged(show.showId(), seatId, after.isAvailable());
            }
        }
    }

    ShowEvent publish(Instant at, Cause cause, Command command, Hold hold, String orderId) {
        return publish(at, cause, command, hold, orderId, null, null);
    }

    ShowEvent publish(Instant at, Cause cause, Command command, Hold hold, String orderId, String replacedHoldId,
            String reason) {
        ShowRecord next = show.next(availability);
        book.tables().shows().put(show.showId(), next);
        return new ShowEvent(show.showId(), next.seq(), at, cause,
                command == null ? null : command.commandId(), command == null ? null : command.actor(),
                hold, orderId, replacedHoldId, reason, changes, next.availability(), null);
    }
}
