package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.Arrays;

import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ReleaseHold;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatError;
import com.seatledger.topics.message.SeatStatus;

/**
 * A buyer's path: hold (named or best available, optionally replacing a hold), extend, release,
 * confirm. Each rule only reads the show and returns the {@link Change} it would make.
 */
final class HoldRules {

    private HoldRules() {
    }

    static Change hold(ShowState show, HoldSeats c, Instant now) {
        if (show.holds.containsKey(c.holdId())) {
            throw RuleChecks.invalid("holdId " + c.holdId() + " is already used in show " + c.showId());
        }
        Policy policy = show.policy;
        HoldRec replaced = c.replacesHoldId() == null ? null
                : RuleChecks.actableHold(show, c.replacesHoldId(), c, false, now);
        int ttl = c.ttlSeconds() != null ? c.ttlSeconds() : policy.holdTtlSeconds();
        if (ttl > policy.maxHoldSeconds()) {
            throw new Reject(ResultCode.HOLD_TOO_LONG,
                    "ttlSeconds " + ttl + " exceeds maxHoldSeconds " + policy.maxHoldSeconds());
        }
        // seats and places the replaced hold owns count as available: they move to the new hold in one event
        int[] freeing = replaced == null ? HoldRec.NO_SEATS : RuleChecks.sorted(replaced.seats);
        Places freeingPlaces = replaced == null ? Places.NONE : replaced.places;
        RuleChecks.Named named = RuleChecks.named(show, c, c.seatIds(), s ->
                show.available(s) || RuleChecks.contains(freeing, s) ? null : ResultCode.SEAT_UNAVAILABLE,
                c.places(), (a, ch) -> show.channels.places(a, ch, SeatStatus.AVAILABLE) + freeingPlaces.of(a, ch));
        Places places = named.places();
        int freed = freeing.length + freeingPlaces.total();
        int[] seats;
        if (c.bestAvailable() == null) {
            seats = named.seats();
            checkHolderLimit(show, c, policy, freed, seats.length + places.total());
            if (policy.preventOrphanSeats()) {
                int[] stranded = show.map.strandedBy(seats, freeing);
                if (stranded.length > 0) {
                    throw Reject.forSeats(Arrays.stream(stranded)
                            .mapToObj(s -> new SeatError(show.seatIds[s], ResultCode.ORPHAN_SEAT)).toList(),
                            "the hold would leave single seats stranded");
                }
            }
        } else {
            BestAvailable want = c.bestAvailable();
            // CHANNEL_RESTRICTED ranks before HOLDER_LIMIT
            checkChannel(c, want);
            checkHolderLimit(show, c, policy, freed, want.quantity() + want.companionCount() + places.total());
            seats = bestAvailable(show, c, want, policy.preventOrphanSeats(), freeing);
        }

        Change change = new Change(Cause.HOLD, now).by(c);
        if (replaced != null) {
            int[] taking = RuleChecks.sorted(seats);
            for (int s : replaced.seats) {
                if (!RuleChecks.contains(taking, s)) {
                    change.move(s, SeatStatus.AVAILABLE);
                }
            }
            for (int i = 0; i < freeingPlaces.size(); i++) {
                int area = freeingPlaces.areas()[i];
                int channel = freeingPlaces.channels()[i];
                change.movePlaces(area, channel, Math.max(0, freeingPlaces.quantities()[i] - places.of(area, channel)),
                        SeatStatus.HELD, SeatStatus.AVAILABLE);
            }
            change.closed = replaced;
            change.closedAs = HoldStatus.RELEASED;
            change.replacedHoldId = replaced.holdId;
        }
        for (int s : seats) {
            if (show.available(s)) {
                change.move(s, SeatStatus.HELD);
            }
        }
        for (int i = 0; i < places.size(); i++) {
            int area = places.areas()[i];
            int channel = places.channels()[i];
            change.movePlaces(area, channel, Math.max(0, places.quantities()[i] - freeingPlaces.of(area, channel)),
                    SeatStatus.AVAILABLE, SeatStatus.HELD);
        }
        change.opened = new HoldRec(c.holdId(), c.actor(), seats, now, now.plusSeconds(ttl), HoldStatus.ACTIVE)
                .with(places);
        change.hold = change.opened.toHold(show);
        return change;
    }

    /** maxSeatsPerHolder counts the actor's held seats after a replaced hold is let go; admins are exempt. */
    private static void checkHolderLimit(ShowState show, HoldSeats c, Policy policy, int freed, int wanted) {
        if (c.isAdmin()) {
            return;
        }
        int after = show.heldBy(c.actor()) - freed + wanted;
        if (after > policy.maxSeatsPerHolder()) {
            throw new Reject(ResultCode.HOLDER_LIMIT, c.actor() + " would hold " + after
                    + " seats; the limit is " + policy.maxSeatsPerHolder());
        }
    }

    /**
     * Best available within the public pool or the one channel asked for (which must be one of the
     * actor's, else CHANNEL_RESTRICTED), honouring the seat attributes asked for and avoided.
     */
    private static void checkChannel(HoldSeats c, BestAvailable want) {
        if (!c.mayBuyFrom(want.channel())) {
            throw new Reject(ResultCode.CHANNEL_RESTRICTED, "best available in channel " + want.channel()
                    + ": the actor may not buy from that channel");
        }
    }

    private static int[] bestAvailable(ShowState show, HoldSeats c, BestAvailable want, boolean preventOrphans,
            int[] freeing) {
        int category = show.categoryIndex(want.category());
        if (category < 0) {
            throw new Reject(ResultCode.NOT_ENOUGH_SEATS, "show " + show.showId + " has no category "
                    + want.category() + "; its categories are " + String.join(", ", show.categories));
        }
        int channel = show.channels.indexOf(want.channel());
        if (channel < 0) {
            throw new Reject(ResultCode.NOT_ENOUGH_SEATS, "show " + show.showId + " has no channel " + want.channel());
        }
        SeatMap.Choice choice = show.map.search(new SeatMap.Want(category, channel, want.quantity(),
                want.wantsAdjacent(), want.companionCount()), want.require(), want.avoid(), preventOrphans, freeing);
        if (choice.seats().length == 0) {
            throw choice.blockedByOrphans()
                    ? new Reject(ResultCode.ORPHAN_SEAT, "every choice of " + want.quantity()
                            + " seats would leave a single seat stranded")
                    : new Reject(ResultCode.NOT_ENOUGH_SEATS, "no " + (want.wantsAdjacent() ? "adjacent " : "")
                            + want.quantity() + " seats available in category " + want.category() + describe(want));
        }
        return choice.seats();
    }

    /** " with WHEELCHAIR, without AISLE, with 1 companion, in channel fanclub": what narrowed the search. */
    private static String describe(BestAvailable want) {
        StringBuilder b = new StringBuilder();
        if (!want.require().isEmpty()) {
            b.append(" with ").append(String.join(", ", want.require()));
        }
        if (!want.avoid().isEmpty()) {
            b.append(" without ").append(String.join(", ", want.avoid()));
        }
        if (want.companionCount() > 0) {
            b.append(" and ").append(want.companionCount()).append(want.companionCount() == 1 ? " companion seat" : " companion seats");
        }
        b.append(want.channel() == null ? " in the public pool" : " in channel " + want.channel());
        return b.toString();
    }

    static Change extend(ShowState show, ExtendHold c, Instant now) {
        HoldRec hold = RuleChecks.actableHold(show, c.holdId(), c, true, now);
        Policy policy = show.policy;
        int ttl = c.ttlSeconds() != null ? c.ttlSeconds() : policy.holdTtlSeconds();
        Instant cap = hold.createdAt.plusSeconds(policy.maxHoldSeconds());
        Instant wanted = now.plusSeconds(ttl).isAfter(hold.expiresAt) ? now.plusSeconds(ttl) : hold.expiresAt;
        Instant expiresAt = wanted.isAfter(cap) ? cap : wanted;
        Change change = new Change(Cause.EXTEND, now).by(c);
        change.extended = hold;
        change.extendedTo = expiresAt;
        change.hold = hold.toHold(show, expiresAt, HoldStatus.ACTIVE);
        return change;
    }

    static Change release(ShowState show, ReleaseHold c, Instant now) {
        HoldRec hold = RuleChecks.actableHold(show, c.holdId(), c, true, now);
        return end(show, hold, Cause.RELEASE, HoldStatus.RELEASED, now).by(c);
    }

    static Change confirm(ShowState show, ConfirmHold c, Instant now) {
        if (show.orders.containsKey(c.orderId())) {
            throw RuleChecks.invalid("orderId " + c.orderId() + " is already used in show " + c.showId());
        }
        HoldRec hold = RuleChecks.actableHold(show, c.holdId(), c, true, now);
        Change change = new Change(Cause.CONFIRM, now).by(c);
        for (int s : hold.seats) {
            change.move(s, SeatStatus.SOLD);
        }
        change.movePlaces(hold.places, SeatStatus.HELD, SeatStatus.SOLD);
        change.closed = hold;
        change.closedAs = HoldStatus.CONFIRMED;
        change.orderAdded = new OrderRec(c.orderId(), hold.seats, hold.holdId, false).with(hold.places)
                .soldBy(hold.actor, now);
        change.orderId = c.orderId();
        change.hold = hold.toHold(show, hold.expiresAt, HoldStatus.CONFIRMED);
        return change;
    }

    /** Expiry at {@code expiresAt}: the hold's seats return to AVAILABLE in one EXPIRE event. */
    static Change expire(ShowState show, HoldRec hold, Instant now) {
        return end(show, hold, Cause.EXPIRE, HoldStatus.EXPIRED, now);
    }

    /** The hold's seats (those it still owns) and places back to AVAILABLE: its end, or the show's. */
    static void giveBack(ShowState show, HoldRec hold, Change change) {
        for (int s : hold.seats) {
            if (show.holdOf[s] == hold) {
                change.move(s, SeatStatus.AVAILABLE);
            }
        }
        change.movePlaces(hold.places, SeatStatus.HELD, SeatStatus.AVAILABLE);
    }

    private static Change end(ShowState show, HoldRec hold, Cause cause, HoldStatus as, Instant now) {
        Change change = new Change(cause, now);
        giveBack(show, hold, change);
        change.closed = hold;
        change.closedAs = as;
        change.hold = hold.toHold(show, hold.expiresAt, as);
        return change;
    }
}
