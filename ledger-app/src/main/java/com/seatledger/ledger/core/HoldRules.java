package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ReleaseHold;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatError;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowEvent;

/** A buyer's path: hold (named or best available, optionally replacing a hold), extend, release, confirm. */
final class HoldRules {

    private final ShowBook book;

    HoldRules(ShowBook book) {
        this.book = book;
    }

    Accepted hold(HoldSeats c, Instant now) {
        if (book.hold(c.showId(), c.holdId()) != null) {
            throw ShowBook.invalid("holdId " + c.holdId() + " is already used in show " + c.showId());
        }
        ShowRecord show = book.show(c.showId());
        Policy policy = show.policy();
        Hold replaced = c.replacesHoldId() == null ? null
                : book.actableHold(c.showId(), c.replacesHoldId(), c, false, now);
        int ttl = c.ttlSeconds() != null ? c.ttlSeconds() : policy.holdTtlSeconds();
        if (ttl > policy.maxHoldSeconds()) {
            throw new Reject(ResultCode.HOLD_TOO_LONG,
                    "ttlSeconds " + ttl + " exceeds maxHoldSeconds " + policy.maxHoldSeconds());
        }
        // seats the replaced hold owns count as available: they move to the new hold in one event
        Set<String> freeing = replaced == null ? Set.of() : Set.copyOf(replaced.seatIds());
        Map<String, SeatRecord> seats;
        if (c.seatIds() != null) {
            seats = book.seats(c.showId(), c.seatIds(), (id, seat) ->
                    seat.isAvailable() || freeing.contains(id) ? null : ResultCode.SEAT_UNAVAILABLE);
            checkHolderLimit(c, policy, freeing.size(), seats.size());
            if (policy.preventOrphanSeats()) {
                List<String> stranded = book.maps().of(c.showId()).strandedBy(seats.keySet(), freeing);
                if (!stranded.isEmpty()) {
                    throw Reject.forSeats(stranded.stream().map(id -> new SeatError(id, ResultCode.ORPHAN_SEAT))
                            .toList(), "the hold would leave single seats stranded");
                }
            }
        } else {
            checkHolderLimit(c, policy, freeing.size(), c.bestAvailable().quantity());
            seats = bestAvailable(c.showId(), c.bestAvailable(), policy.preventOrphanSeats(), freeing);
        }

        ShowChange change = book.change(show);
        if (replaced != null) {
            for (String id : replaced.seatIds()) {
                if (!seats.containsKey(id)) {
                    SeatRecord seat = book.seat(c.showId(), id);
                    change.set(id, seat, seat.available());
                }
            }
            book.closeHold(c.showId(), replaced, HoldStatus.RELEASED);
        }
        Hold hold = new Hold(c.holdId(), c.actor(), List.copyOf(seats.keySet()), now, now.plusSeconds(ttl),
                HoldStatus.ACTIVE);
        seats.forEach((id, seat) -> change.set(id, seat, seat.with(SeatStatus.HELD, c.holdId(), null)));
        book.openHold(c.showId(), hold);
        ShowEvent event = change.publish(now, Cause.HOLD, c, hold, null, c.replacesHoldId(), null);
        return new Accepted(event, hold, null);
    }

    /** maxSeatsPerHolder counts the actor's held seats after a replaced hold is let go; admins are exempt. */
    private void checkHolderLimit(HoldSeats c, Policy policy, int freed, int wanted) {
        if (c.isAdmin()) {
            return;
        }
        int after = book.heldBy(c.showId(), c.actor()) - freed + wanted;
        if (after > policy.maxSeatsPerHolder()) {
            throw new Reject(ResultCode.HOLDER_LIMIT, c.actor() + " would hold " + after
                    + " seats; the limit is " + policy.maxSeatsPerHolder());
        }
    }

    private Map<String, SeatRecord> bestAvailable(String showId, BestAvailable want, boolean preventOrphans,
            Set<String> freeing) {
        for (int attempt = 0; attempt < 2; attempt++) {
            SeatMap map = book.maps().of(showId);
            SeatMap.Choice choice = want.wantsAdjacent()
                    ? map.bestAdjacent(want.category(), want.quantity(), preventOrphans, freeing)
                    : map.bestSplit(want.category(), want.quantity(), preventOrphans, freeing);
            if (choice.seatIds().isEmpty()) {
                throw choice.blockedByOrphans()
                        ? new Reject(ResultCode.ORPHAN_SEAT, "every choice of " + want.quantity()
                                + " seats would leave a single seat stranded")
                        : new Reject(ResultCode.NOT_ENOUGH_SEATS, "no " + (want.wantsAdjacent() ? "adjacent " : "")
                                + want.quantity() + " seats available in category " + want.category());
            }
            Map<String, SeatRecord> seats = new LinkedHashMap<>();
            for (String id : choice.seatIds()) {
                SeatRecord seat = book.seat(showId, id);
                if (seat.isAvailable() || freeing.contains(id)) {
                    seats.put(id, seat);
                }
            }
            if (seats.size() == choice.seatIds().size()) {
                return seats;
            }
            // the index disagrees with the table, which is the truth: rebuild it once and choose again
            book.maps().forget(showId);
        }
        throw new IllegalStateException("seat index of show " + showId + " keeps disagreeing with its seats");
    }

    Accepted extend(ExtendHold c, Instant now) {
        ShowRecord show = book.show(c.showId());
        Hold hold = book.actableHold(c.showId(), c.holdId(), c, true, now);
        Policy policy = show.policy();
        int ttl = c.ttlSeconds() != null ? c.ttlSeconds() : policy.holdTtlSeconds();
        Instant cap = hold.createdAt().plusSeconds(policy.maxHoldSeconds());
        Instant wanted = now.plusSeconds(ttl).isAfter(hold.expiresAt()) ? now.plusSeconds(ttl) : hold.expiresAt();
        Instant expiresAt = wanted.isAfter(cap) ? cap : wanted;
        Hold extended = book.extendHold(c.showId(), hold, expiresAt);
        return new Accepted(book.change(show).publish(now, Cause.EXTEND, c, extended, null), extended, null);
    }

    Accepted release(ReleaseHold c, Instant now) {
        ShowRecord show = book.show(c.showId());
        Hold hold = book.actableHold(c.showId(), c.holdId(), c, true, now);
        ShowChange change = book.change(show);
        freeSeats(c.showId(), hold, change);
        Hold released = book.closeHold(c.showId(), hold, HoldStatus.RELEASED);
        return new Accepted(change.publish(now, Cause.RELEASE, c, released, null), released, null);
    }

    Accepted confirm(ConfirmHold c, Instant now) {
        if (book.tables().orders().get(Keys.of(c.showId(), c.orderId())) != null) {
            throw ShowBook.invalid("orderId " + c.orderId() + " is already used in show " + c.showId());
        }
        ShowRecord show = book.show(c.showId());
        Hold hold = book.actableHold(c.showId(), c.holdId(), c, true, now);
        ShowChange change = book.change(show);
        for (String id : hold.seatIds()) {
            SeatRecord seat = book.seat(c.showId(), id);
            change.set(id, seat, seat.with(SeatStatus.SOLD, null, c.orderId()));
        }
        Hold confirmed = book.closeHold(c.showId(), hold, HoldStatus.CONFIRMED);
        book.tables().orders().put(Keys.of(c.showId(), c.orderId()),
                new OrderRecord(c.orderId(), hold.seatIds(), hold.holdId(), false));
        return new Accepted(change.publish(now, Cause.CONFIRM, c, confirmed, c.orderId()), confirmed, c.orderId());
    }

    /** Expiry at {@code expiresAt}: the hold's seats return to AVAILABLE in one EXPIRE event. */
    ShowEvent expire(String showId, Hold hold, Instant now) {
        ShowChange change = book.change(book.show(showId));
        freeSeats(showId, hold, change);
        Hold expired = book.closeHold(showId, hold, HoldStatus.EXPIRED);
        return change.publish(now, Cause.EXPIRE, null, expired, null);
    }

    private void freeSeats(String showId, Hold hold, ShowChange change) {
        for (String id : hold.seatIds()) {
            SeatRecord seat = book.seat(showId, id);
            if (hold.holdId().equals(seat.holdId())) {
                change.set(id, seat, seat.available());
            }
        }
    }

}
