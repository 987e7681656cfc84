package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.seatledger.topics.message.AreaCounts;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.SeatChange;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowEvent;

/**
 * The whole effect of one accepted decision on one show, worked out before anything changes: seats
 * whose status moves, a hold opened, closed or extended, an order added or cancelled. It is applied
 * to memory ({@link ShowState#apply}) and written to the journal ({@link Journal}) only once it is
 * complete, so a decision that fails half-way leaves no trace (atomic decisions). Replaying the
 * journal applies the same changes again.
 */
final class Change {

    private static final int[] NONE = new int[0];

    final Cause cause;
    final Instant at;
    int[] seats = new int[4];
    SeatStatus[] to = new SeatStatus[4];
    int moves;
    // places moved between statuses, per area (an area may appear more than once; counts add up)
    int[] areaOf = NONE;
    int[] quantityOf = NONE;
    SeatStatus[] areaFrom = new SeatStatus[0];
    SeatStatus[] areaTo = new SeatStatus[0];
    int areaMoves;
    HoldRec opened;
    /** The active hold this change ends, and how. */
    HoldRec closed;
    HoldStatus closedAs;
    HoldRec extended;
    Instant extendedTo;
    OrderRec orderAdded;
    String orderCancelled;

    // what only the event and the result need (not journaled)
    Command command;
    Hold hold;
    String orderId;
    String replacedHoldId;
    String reason;

    Change(Cause cause, Instant at) {
        this.cause = cause;
        this.at = at;
    }

    void move(int seat, SeatStatus status) {
        if (moves == seats.length) {
            seats = Arrays.copyOf(seats, moves * 2);
            to = Arrays.copyOf(to, moves * 2);
        }
        seats[moves] = seat;
        to[moves] = status;
        moves++;
    }

    void movePlaces(int area, int quantity, SeatStatus from, SeatStatus status) {
        if (quantity == 0) {
            return;
        }
        if (areaMoves == areaOf.length) {
            int n = Math.max(2, areaMoves * 2);
            areaOf = Arrays.copyOf(areaOf, n);
            quantityOf = Arrays.copyOf(quantityOf, n);
            areaFrom = Arrays.copyOf(areaFrom, n);
            areaTo = Arrays.copyOf(areaTo, n);
        }
        areaOf[areaMoves] = area;
        quantityOf[areaMoves] = quantity;
        areaFrom[areaMoves] = from;
        areaTo[areaMoves] = status;
        areaMoves++;
    }

    /** Moves all of {@code places} from one status to another. */
    void movePlaces(Places places, SeatStatus from, SeatStatus status) {
        for (int i = 0; i < places.size(); i++) {
            movePlaces(places.areas()[i], places.quantities()[i], from, status);
        }
    }

    Change by(Command c) {
        this.command = c;
        return this;
    }

    /** The event of this change, once applied (seq and availability are the show's after it). */
    ShowEvent event(ShowState show) {
        List<SeatChange> changed = new ArrayList<>(moves);
        for (int i = 0; i < moves; i++) {
            changed.add(new SeatChange(show.seatIds[seats[i]], to[i]));
        }
        List<AreaCounts> areas = List.of();
        if (areaMoves > 0) {
            areas = new ArrayList<>(areaMoves);
            for (int i = 0; i < areaMoves; i++) {
                AreaCounts counts = show.areaCounts(areaOf[i]);
                if (!areas.contains(counts)) {
                    areas.add(counts);
                }
            }
        }
        return new ShowEvent(show.showId, show.seq, at, cause, command == null ? null : command.commandId(),
                command == null ? null : command.actor(), hold, orderId, replacedHoldId, reason, changed,
                show.availability(), null, areas);
    }
}
