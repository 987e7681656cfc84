package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import com.seatledger.topics.message.AreaError;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatError;

/**
 * The checks several rules share ({@link HoldRules}, {@link BoxOfficeRules}): who may act (admin only;
 * the holder or an admin on a hold, and which of "not holder", "expired", "not active" wins), which
 * named seats and places exist and may be used, and how a rejection names every offending one.
 */
final class RuleChecks {

    private RuleChecks() {
    }

    static Reject invalid(String message) {
        return new Reject(ResultCode.INVALID_COMMAND, message);
    }

    static void requireAdmin(Command c) {
        if (!c.isAdmin()) {
            throw new Reject(ResultCode.FORBIDDEN, c.type() + " needs role admin");
        }
    }

    /** What a command names once checked: seat indexes (in the order named) and places. */
    record Named(int[] seats, Places places) {
    }

    /** How many places of an area, from a channel's quota (0: the pool), a command may take. */
    interface Room {
        int of(int area, int channel);
    }

    /**
     * Seats and places checked together, so that the most serious problem of any of them wins and
     * every offending seat and area is listed. An unknown area is AREA_NOT_FOUND; a seat or places of
     * a channel the actor may not use are CHANNEL_RESTRICTED (before their state: a restricted seat
     * never tells whether it is held); an area with fewer than the asked places to give
     * ({@code room}: how many the command may take) is AREA_FULL.
     */
    static Named named(ShowState show, Command c, List<String> seatIds, IntFunction<ResultCode> state,
            List<AreaQuantity> places, Room room) {
        List<String> ids = seatIds == null ? List.of() : seatIds;
        int[] found = new int[ids.size()];
        List<SeatError> errors = new ArrayList<>(0);
        for (int i = 0; i < found.length; i++) {
            int seat = show.seat(ids.get(i));
            ResultCode problem = seat < 0 ? ResultCode.SEAT_NOT_FOUND
                    : !show.channels.mayUse(c, show.channels.of(seat)) ? ResultCode.CHANNEL_RESTRICTED : state.apply(seat);
            if (problem != null) {
                errors.add(new SeatError(ids.get(i), problem));
            }
            found[i] = seat;
        }
        List<AreaError> areaErrors = new ArrayList<>(0);
        int[] areas = new int[places.size()];
        int[] quantities = new int[places.size()];
        int[] channels = new int[places.size()];
        for (int i = 0; i < areas.length; i++) {
            AreaQuantity p = places.get(i);
            int area = show.area(p.areaId());
            int channel = show.channels.indexOf(p.channel());
            boolean allowed = c.mayBuyFrom(p.channel());
            int left = area < 0 || channel < 0 ? 0 : room.of(area, channel);
            if (area < 0) {
                areaErrors.add(new AreaError(p.areaId(), ResultCode.AREA_NOT_FOUND, p.quantity(), 0));
            } else if (!allowed) {
                areaErrors.add(new AreaError(p.areaId(), ResultCode.CHANNEL_RESTRICTED, p.quantity(), 0));
            } else if (left < p.quantity()) {
                areaErrors.add(new AreaError(p.areaId(), ResultCode.AREA_FULL, p.quantity(), left));
            }
            areas[i] = area;
            quantities[i] = p.quantity();
            channels[i] = Math.max(0, channel);
        }
        if (!errors.isEmpty() || !areaErrors.isEmpty()) {
            throw Reject.forSeatsAndAreas(errors, areaErrors, describe(show, errors, areaErrors));
        }
        return new Named(found, areas.length == 0 ? Places.NONE : new Places(areas, quantities, channels));
    }

    /** "2 seats cannot be used: A-2 (SEAT_UNAVAILABLE), A-3 (SEAT_NOT_FOUND)", the first 10 named; areas likewise. */
    static String describe(ShowState show, List<SeatError> errors, List<AreaError> areaErrors) {
        StringBuilder b = new StringBuilder();
        if (!errors.isEmpty()) {
            b.append(errors.size()).append(errors.size() == 1 ? " seat cannot be used: " : " seats cannot be used: ");
            for (int i = 0; i < Math.min(10, errors.size()); i++) {
                b.append(i == 0 ? "" : ", ").append(errors.get(i).seatId()).append(" (").append(errors.get(i).reason())
                        .append(')');
            }
            if (errors.size() > 10) {
                b.append(", ... (every seat is listed in seatErrors)");
            }
        }
        for (AreaError e : areaErrors) {
            b.append(b.length() == 0 ? "" : "; ");
            if (e.reason() == ResultCode.AREA_NOT_FOUND) {
                b.append("show ").append(show.showId).append(" has no area ").append(e.areaId());
            } else if (e.reason() == ResultCode.CHANNEL_RESTRICTED) {
                b.append("the places asked of area ").append(e.areaId()).append(" belong to a sales channel the actor may not buy from");
            } else {
                b.append("area ").append(e.areaId()).append(" has ").append(e.available()).append(" places to give, not ")
                        .append(e.requested());
            }
        }
        return b.toString();
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
