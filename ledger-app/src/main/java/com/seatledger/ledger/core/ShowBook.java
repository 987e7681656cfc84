package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatError;

/**
 * The shows this ledger instance decides, in memory, and the checks several rules share. Every
 * read is a lookup by the ids a command names.
 */
final class ShowBook {

    private final Map<String, ShowState> shows = new HashMap<>();
    /** Ids of archived shows: never created again. */
    private final Set<String> archived = new HashSet<>();

    ShowState find(String showId) {
        return shows.get(showId);
    }

    void put(ShowState show) {
        shows.put(show.showId, show);
    }

    void remove(String showId) {
        shows.remove(showId);
    }

    void archived(String showId) {
        archived.add(showId);
    }

    boolean isArchived(String showId) {
        return archived.contains(showId);
    }

    int size() {
        return shows.size();
    }

    Iterable<ShowState> all() {
        return shows.values();
    }

    static Reject invalid(String message) {
        return new Reject(ResultCode.INVALID_COMMAND, message);
    }

    static void requireAdmin(Command c) {
        if (!c.isAdmin()) {
            throw new Reject(ResultCode.FORBIDDEN, c.type() + " needs role admin");
        }
    }

    ShowState show(String showId) {
        ShowState show = shows.get(showId);
        if (show == null) {
            throw new Reject(ResultCode.SHOW_NOT_FOUND, "no show " + showId);
        }
        return show;
    }

    /**
     * The named seats' indexes, in order; a missing seat is SEAT_NOT_FOUND, and {@code state} says
     * what is wrong with an existing one (null when nothing). Every offending seat is named.
     */
    /** "2 seats cannot be used: A-2 (SEAT_UNAVAILABLE), A-3 (SEAT_NOT_FOUND)", the first 10 named. */
    static String describe(List<SeatError> errors) {
        StringBuilder b = new StringBuilder().append(errors.size())
                .append(errors.size() == 1 ? " seat cannot be used: " : " seats cannot be used: ");
        for (int i = 0; i < Math.min(10, errors.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(errors.get(i).seatId()).append(" (").append(errors.get(i).reason())
                    .append(')');
        }
        return errors.size() > 10 ? b.append(", ... (every seat is listed in seatErrors)").toString() : b.toString();
    }

    static int[] seats(ShowState show, List<String> seatIds, IntFunction<ResultCode> state) {
        int[] found = new int[seatIds.size()];
        List<SeatError> errors = null;
        for (int i = 0; i < found.length; i++) {
            int seat = show.seat(seatIds.get(i));
            ResultCode problem = seat < 0 ? ResultCode.SEAT_NOT_FOUND : state.apply(seat);
            if (problem != null) {
                errors = errors == null ? new ArrayList<>() : errors;
                errors.add(new SeatError(seatIds.get(i), problem));
            }
            found[i] = seat;
        }
        if (errors != null) {
            throw Reject.forSeats(errors, describe(errors));
        }
        return found;
    }

    /**
     * The hold a command acts on, if it may: it exists, belongs to the actor (or the actor is an
     * admin, where {@code adminMay}), has not passed its expiry and is still active.
     */
    static HoldRec actableHold(ShowState show, String holdId, Command c, boolean adminMay, Instant now) {
        HoldRec h = show.holds.get(holdId);
        if (h == null) {
            throw new Reject(ResultCode.HOLD_NOT_FOUND, "no hold " + holdId + " in show " + show.showId);
        }
        if (!h.actor.equals(c.actor()) && !(adminMay && c.isAdmin())) {
            throw new Reject(ResultCode.NOT_HOLDER, "hold " + holdId + " belongs to another actor");
        }
        boolean pastExpiry = h.active() && !now.isBefore(h.expiresAt);
        if (h.status == HoldStatus.EXPIRED || pastExpiry) {
            throw new Reject(ResultCode.HOLD_EXPIRED, "hold " + holdId + " expired at " + h.expiresAt);
        }
        if (!h.active()) {
            throw new Reject(ResultCode.HOLD_NOT_ACTIVE, "hold " + holdId + " is " + h.status);
        }
        return h;
    }

    /** Whether a sorted seat array holds the seat (the seats of a hold: a handful). */
    static boolean contains(int[] sorted, int seat) {
        return sorted.length > 0 && Arrays.binarySearch(sorted, seat) >= 0;
    }

    static int[] sorted(int[] seats) {
        int[] copy = seats.clone();
        Arrays.sort(copy);
        return copy;
    }
}
