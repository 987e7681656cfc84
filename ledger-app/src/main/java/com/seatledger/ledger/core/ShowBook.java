package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatError;

/**
 * The ledger's state as the rules see it: the tables, the derived seat maps, and the checks and
 * writes several rules share. Every read is a point lookup by the ids a command names.
 */
final class ShowBook {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final LedgerTables tables;
    private final SeatMaps maps;
    /** Earliest time in the hold-expiry index, so most commands need not open an iterator. */
    private long nextDueMillis = UNKNOWN;

    ShowBook(LedgerTables tables, int maxIndexedShows) {
        this.tables = tables;
        this.maps = new SeatMaps(tables.seats(), maxIndexedShows);
    }

    LedgerTables tables() {
        return tables;
    }

    SeatMaps maps() {
        return maps;
    }

    static Reject invalid(String message) {
        return new Reject(ResultCode.INVALID_COMMAND, message);
    }

    static void requireAdmin(Command c) {
        if (!c.isAdmin()) {
            throw new Reject(ResultCode.FORBIDDEN, c.type() + " needs role admin");
        }
    }

    ShowRecord show(String showId) {
        ShowRecord show = tables.shows().get(showId);
        if (show == null) {
            throw new Reject(ResultCode.SHOW_NOT_FOUND, "no show " + showId);
        }
        return show;
    }

    ShowChange change(ShowRecord show) {
        return new ShowChange(this, show);
    }

    SeatRecord seat(String showId, String seatId) {
        return tables.seats().get(Keys.of(showId, seatId));
    }

    /**
     * Loads the named seats in order; a missing seat is SEAT_NOT_FOUND, and {@code state} says
     * what is wrong with an existing one (null when nothing). Every offending seat is named.
     */
    Map<String, SeatRecord> seats(String showId, List<String> seatIds,
            BiFunction<String, SeatRecord, ResultCode> state) {
        Map<String, SeatRecord> found = new LinkedHashMap<>();
        List<SeatError> errors = new ArrayList<>();
        for (String id : seatIds) {
            SeatRecord seat = seat(showId, id);
            ResultCode problem = seat == null ? ResultCode.SEAT_NOT_FOUND : state.apply(id, seat);
            if (problem != null) {
                errors.add(new SeatError(id, problem));
            } else {
                found.put(id, seat);
            }
        }
        if (!errors.isEmpty()) {
            throw Reject.forSeats(errors, "some seats cannot be used: " + errors);
        }
        return found;
    }

    Hold hold(String showId, String holdId) {
        return tables.holds().get(Keys.of(showId, holdId));
    }

    /**
     * The hold a command acts on, if it may: it exists, belongs to the actor (or the actor is an
     * admin, where {@code adminMay}), has not passed its expiry and is still active.
     */
    Hold actableHold(String showId, String holdId, Command c, boolean adminMay, Instant now) {
        Hold h = hold(showId, holdId);
        if (h == null) {
            throw new Reject(ResultCode.HOLD_NOT_FOUND, "no hold " + holdId + " in show " + showId);
        }
        if (!h.actor().equals(c.actor()) && !(adminMay && c.isAdmin())) {
            throw new Reject(ResultCode.NOT_HOLDER, "hold " + holdId + " belongs to another actor");
        }
        boolean pastExpiry = h.status() == HoldStatus.ACTIVE && !now.isBefore(h.expiresAt());
        if (h.status() == HoldStatus.EXPIRED || pastExpiry) {
            throw new Reject(ResultCode.HOLD_EXPIRED, "hold " + holdId + " expired at " + h.expiresAt());
        }
        if (h.status() != HoldStatus.ACTIVE) {
            throw new Reject(ResultCode.HOLD_NOT_ACTIVE, "hold " + holdId + " is " + h.status());
        }
        return h;
    }

    int heldBy(String showId, String actor) {
        Integer n = tables.heldByActor().get(Keys.of(showId, actor));
        return n == null ? 0 : n;
    }

    void openHold(String showId, Hold hold) {
        tables.holds().put(Keys.of(showId, hold.holdId()), hold);
        scheduleExpiry(showId, hold);
        adjustHeld(showId, hold.actor(), hold.seatIds().size());
    }

    /** Moves an active hold to its final status; its seats are the caller's business. */
    Hold closeHold(String showId, Hold hold, HoldStatus status) {
        Hold closed = hold.withStatus(status);
        tables.holds().put(Keys.of(showId, hold.holdId()), closed);
        tables.holdExpiry().delete(Keys.due(hold.expiresAt(), Keys.of(showId, hold.holdId())));
        adjustHeld(showId, hold.actor(), -hold.seatIds().size());
        return closed;
    }

    Hold extendHold(String showId, Hold hold, Instant newExpiresAt) {
        tables.holdExpiry().delete(Keys.due(hold.expiresAt(), Keys.of(showId, hold.holdId())));
        Hold extended = hold.withExpiresAt(newExpiresAt);
        tables.holds().put(Keys.of(showId, hold.holdId()), extended);
        scheduleExpiry(showId, extended);
        return extended;
    }

    private void scheduleExpiry(String showId, Hold hold) {
        tables.holdExpiry().put(Keys.due(hold.expiresAt(), Keys.of(showId, hold.holdId())),
                Keys.of(showId, hold.holdId()));
        if (nextDueMillis != UNKNOWN) {
            nextDueMillis = Math.min(nextDueMillis, hold.expiresAt().toEpochMilli());
        }
    }

    private void adjustHeld(String showId, String actor, int delta) {
        String key = Keys.of(showId, actor);
        int n = heldBy(showId, actor) + delta;
        if (n == 0) {
            tables.heldByActor().delete(key);
        } else {
            tables.heldByActor().put(key, n);
        }
    }

    /** True when the expiry index may hold an entry due at {@code now}. */
    boolean mayHaveDue(Instant now) {
        return nextDueMillis == UNKNOWN || nextDueMillis <= now.toEpochMilli();
    }

    void dueScanned(boolean more) {
        if (more) {
            nextDueMillis = UNKNOWN;
            return;
        }
        long[] first = {Long.MAX_VALUE};
        tables.holdExpiry().scan("", String.valueOf(Character.MAX_VALUE), (k, v) -> {
            first[0] = Keys.dueMillis(k);
            return false;
        });
        nextDueMillis = first[0];
    }
}
