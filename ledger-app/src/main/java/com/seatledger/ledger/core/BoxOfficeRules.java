package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.List;

import com.seatledger.topics.message.ArchiveShow;
import com.seatledger.topics.message.AssignChannel;
import com.seatledger.topics.message.BlockSeats;
import com.seatledger.topics.message.CancelOrder;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.SellSeats;
import com.seatledger.topics.message.UnblockSeats;

/**
 * The admin's path: create shows, sell at the box office, cancel orders, block and unblock seats.
 * Like {@link HoldRules}, each rule only reads and returns what it would change.
 */
final class BoxOfficeRules {

    private BoxOfficeRules() {
    }

    /** A new show with every seat AVAILABLE, not yet in the book. */
    static ShowState create(ShowBook book, CreateShow c) {
        RuleChecks.requireAdmin(c);
        if (book.find(c.showId()) != null) {
            throw new Reject(ResultCode.SHOW_EXISTS, "show " + c.showId() + " already exists");
        }
        if (book.isArchived(c.showId())) {
            throw new Reject(ResultCode.SHOW_EXISTS, "show " + c.showId() + " was archived; its id is not reused");
        }
        Policy policy = c.policy() == null ? Policy.DEFAULTS : c.policy().resolved();
        ShowState show = new ShowState(c.showId(), c.name(), c.startsAt(), policy,
                c.seats() == null ? List.of() : c.seats(), c.areaDefs());
        show.setUpChannels(c.channelDefs());
        return show;
    }

    /**
     * ASSIGN_CHANNEL: AVAILABLE seats and places into a channel (created the first time its id is
     * used) or back to the pool, all or nothing. Seats already in that channel stay and are not listed.
     */
    static Change assign(ShowBook book, AssignChannel c, Instant now) {
        RuleChecks.requireAdmin(c);
        ShowState show = book.show(c.showId());
        RuleChecks.Named named = RuleChecks.named(show, c, c.seatIds(),
                s -> show.available(s) ? null : ResultCode.SEAT_UNAVAILABLE, c.places(),
                (a, ch) -> show.channels.places(a, ch, SeatStatus.AVAILABLE));
        int to = c.channelId() == null ? 0 : show.channels.indexOf(c.channelId());
        Change change = new Change(Cause.CHANNEL, now).by(c);
        change.assign(to < 0 ? show.channels.count() : to, c.channelId(), c.name());
        for (int s : named.seats()) {
            if (show.channels.of(s) != change.assignTo) {
                change.assignSeat(s);
            }
        }
        Places places = named.places();
        for (int i = 0; i < places.size(); i++) {
            if (places.channels()[i] != change.assignTo) {
                change.assignPlaces(places.areas()[i], places.channels()[i], places.quantities()[i]);
            }
        }
        return change;
    }

    static Change sell(ShowBook book, SellSeats c, Instant now) {
        ShowState existing = book.find(c.showId());
        if (existing != null && existing.orders.containsKey(c.orderId())) {
            throw RuleChecks.invalid("orderId " + c.orderId() + " is already used in show " + c.showId());
        }
        RuleChecks.requireAdmin(c);
        ShowState show = book.show(c.showId());
        RuleChecks.Named named = RuleChecks.named(show, c, c.seatIds(),
                s -> show.available(s) ? null : ResultCode.SEAT_UNAVAILABLE, c.places(),
                (a, ch) -> show.channels.places(a, ch, SeatStatus.AVAILABLE));
        Change change = new Change(Cause.SELL, now).by(c);
        for (int s : named.seats()) {
            change.move(s, SeatStatus.SOLD);
        }
        change.movePlaces(named.places(), SeatStatus.AVAILABLE, SeatStatus.SOLD);
        change.orderAdded = new OrderRec(c.orderId(), named.seats(), null, false).with(named.places())
                .soldBy(c.actor(), now);
        change.orderId = c.orderId();
        return change;
    }

    static Change cancel(ShowBook book, CancelOrder c, Instant now) {
        RuleChecks.requireAdmin(c);
        ShowState show = book.show(c.showId());
        OrderRec order = show.orders.get(c.orderId());
        if (order == null || order.cancelled()) {
            throw new Reject(ResultCode.ORDER_NOT_FOUND, "no open order " + c.orderId() + " in show " + c.showId());
        }
        Change change = new Change(Cause.CANCEL, now).by(c);
        for (int s : order.seats()) {
            if (show.orderOf[s] == order) {
                change.move(s, SeatStatus.AVAILABLE);
            }
        }
        change.movePlaces(order.places(), SeatStatus.SOLD, SeatStatus.AVAILABLE);
        change.orderCancelled = c.orderId();
        change.orderId = c.orderId();
        return change;
    }

    /**
     * ARCHIVE_SHOW: the show ends for good. Its active holds end RELEASED: their seats are listed as
     * AVAILABLE in the one ARCHIVE event, which carries the final availability.
     */
    static Change archive(ShowBook book, ArchiveShow c, Instant now) {
        RuleChecks.requireAdmin(c);
        ShowState show = book.show(c.showId());
        Change change = new Change(Cause.ARCHIVE, now).by(c);
        for (HoldRec h : show.holds.values()) {
            if (h.active()) {
                HoldRules.giveBack(show, h, change);
            }
        }
        change.reason = c.reason();
        return change;
    }

    static Change block(ShowBook book, BlockSeats c, Instant now) {
        return moveSeats(book, c, c.seatIds(), SeatStatus.AVAILABLE, SeatStatus.BLOCKED, Cause.BLOCK, c.reason(), now);
    }

    static Change unblock(ShowBook book, UnblockSeats c, Instant now) {
        return moveSeats(book, c, c.seatIds(), SeatStatus.BLOCKED, SeatStatus.AVAILABLE, Cause.UNBLOCK, c.reason(),
                now);
    }

    /** BLOCK and UNBLOCK: named seats and places from one status to the other (places: AREA_FULL when too few). */
    private static Change moveSeats(ShowBook book, Command c, List<String> seatIds, SeatStatus from, SeatStatus to,
            Cause cause, String reason, Instant now) {
        RuleChecks.requireAdmin(c);
        ShowState show = book.show(c.showId());
        RuleChecks.Named named = RuleChecks.named(show, c, seatIds,
                s -> show.statusOf(s) == from ? null : ResultCode.SEAT_UNAVAILABLE, c.places(),
                (a, ch) -> show.channels.places(a, ch, from));
        Change change = new Change(cause, now).by(c);
        for (int s : named.seats()) {
            change.move(s, to);
        }
        change.movePlaces(named.places(), from, to);
        change.reason = reason;
        return change;
    }
}
