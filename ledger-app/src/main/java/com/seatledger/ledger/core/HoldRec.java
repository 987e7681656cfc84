package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;

/**
 * A hold as the ledger keeps it: its seats as indexes into the show's layout. Decisions only read
 * it; {@link ShowState#apply} is the one place that changes {@code expiresAt} and {@code status}.
 * An ended hold forgets its seats (nothing reads them again) but keeps its id, actor and times, so
 * later commands on it are answered HOLD_NOT_ACTIVE or HOLD_EXPIRED and its id is never reused.
 */
final class HoldRec {

    static final int[] NO_SEATS = new int[0];

    final String holdId;
    final String actor;
    final Instant createdAt;
    /** replaced, never written into: a snapshot pass's copy of the hold shares the array */
    int[] seats;
    /** General-admission places held, with the seats (all or nothing). */
    Places places = Places.NONE;
    Instant expiresAt;
    HoldStatus status;

    HoldRec(String holdId, String actor, int[] seats, Instant createdAt, Instant expiresAt, HoldStatus status) {
        this.holdId = holdId;
        this.actor = actor;
        this.seats = seats;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.status = status;
    }

    HoldRec with(Places held) {
        this.places = held;
        return this;
    }

    /** What counts towards maxSeatsPerHolder: seats and places. */
    int size() {
        return seats.length + places.total();
    }

    boolean active() {
        return status == HoldStatus.ACTIVE;
    }

    /** The wire form, as it is now or as it would be with another expiry and status. */
    Hold toHold(ShowState show, Instant at, HoldStatus as) {
        List<String> ids = new ArrayList<>(seats.length);
        for (int s : seats) {
            ids.add(show.seatIds[s]);
        }
        return new Hold(holdId, actor, ids, createdAt, at, as, places.toWire(show));
    }

    Hold toHold(ShowState show) {
        return toHold(show, expiresAt, status);
    }
}
