package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.BlockSeats;
import com.seatledger.topics.message.CancelOrder;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.Layout;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.SellSeats;
import com.seatledger.topics.message.ShowEvent;
import com.seatledger.topics.message.UnblockSeats;

/** The admin's path: create shows, sell at the box office, cancel orders, block and unblock seats. */
final class BoxOfficeRules {

    private final ShowBook book;

    BoxOfficeRules(ShowBook book) {
        this.book = book;
    }

    Accepted create(CreateShow c, Instant now) {
        ShowBook.requireAdmin(c);
        if (book.tables().shows().get(c.showId()) != null) {
            throw new Reject(ResultCode.SHOW_EXISTS, "show " + c.showId() + " already exists");
        }
        Policy policy = c.policy() == null ? Policy.DEFAULTS : c.policy().resolved();
        Map<String, Availability> availability = new TreeMap<>();
        List<SeatDef> seats = c.seats();
        Map<String, SeatRecord> placed = new HashMap<>(seats.size() * 2);
        for (int i = 0; i < seats.size(); i++) {
            SeatDef s = seats.get(i);
            SeatRecord seat = new SeatRecord(s.section(), s.row(), s.number(), s.category(), i, SeatStatus.AVAILABLE,
                    null, null);
            book.tables().seats().put(Keys.of(c.showId(), s.seatId()), seat);
            placed.put(s.seatId(), seat);
            availability.merge(s.category(), Availability.EMPTY.move(null, SeatStatus.AVAILABLE),
                    (a, one) -> a.move(null, SeatStatus.AVAILABLE));
        }
        ShowRecord show = new ShowRecord(c.showId(), c.name(), c.startsAt(), policy, 1, availability);
        book.tables().shows().put(c.showId(), show);
        // index it now, from the seats in hand: otherwise the on-sale's first best-available scans the whole show
        book.maps().created(c.showId(), placed);
        ShowEvent created = new ShowEvent(c.showId(), 1, now, Cause.CREATE, c.commandId(), c.actor(), null, null,
                null, null, List.of(), show.availability(), new Layout(c.name(), c.startsAt(), policy, seats));
        return new Accepted(created, null, null);
    }

    Accepted sell(SellSeats c, Instant now) {
        if (book.tables().orders().get(Keys.of(c.showId(), c.orderId())) != null) {
            throw ShowBook.invalid("orderId " + c.orderId() + " is already used in show " + c.showId());
        }
        ShowBook.requireAdmin(c);
        ShowRecord show = book.show(c.showId());
        Map<String, SeatRecord> seats = book.seats(c.showId(), c.seatIds(),
                (id, seat) -> seat.isAvailable() ? null : ResultCode.SEAT_UNAVAILABLE);
        ShowChange change = book.change(show);
        seats.forEach((id, seat) -> change.set(id, seat, seat.with(SeatStatus.SOLD, null, c.orderId())));
        book.tables().orders().put(Keys.of(c.showId(), c.orderId()),
                new OrderRecord(c.orderId(), c.seatIds(), null, false));
        return new Accepted(change.publish(now, Cause.SELL, c, null, c.orderId()), null, c.orderId());
    }

    Accepted cancel(CancelOrder c, Instant now) {
        ShowBook.requireAdmin(c);
        ShowRecord show = book.show(c.showId());
        String key = Keys.of(c.showId(), c.orderId());
        OrderRecord order = book.tables().orders().get(key);
        if (order == null || order.cancelled()) {
            throw new Reject(ResultCode.ORDER_NOT_FOUND, "no open order " + c.orderId() + " in show " + c.showId());
        }
        ShowChange change = book.change(show);
        for (String id : order.seatIds()) {
            SeatRecord seat = book.seat(c.showId(), id);
            if (c.orderId().equals(seat.orderId())) {
                change.set(id, seat, seat.available());
            }
        }
        book.tables().orders().put(key, order.cancel());
        return new Accepted(change.publish(now, Cause.CANCEL, c, null, c.orderId()), null, c.orderId());
    }

    Accepted block(BlockSeats c, Instant now) {
        return moveSeats(c, c.seatIds(), SeatStatus.AVAILABLE, SeatStatus.BLOCKED, Cause.BLOCK, c.reason(), now);
    }

    Accepted unblock(UnblockSeats c, Instant now) {
        return moveSeats(c, c.seatIds(), SeatStatus.BLOCKED, SeatStatus.AVAILABLE, Cause.UNBLOCK, c.reason(), now);
    }

    private Accepted moveSeats(com.seatledger.topics.message.Command c, List<String> seatIds, SeatStatus from,
            SeatStatus to, Cause cause, String reason, Instant now) {
        ShowBook.requireAdmin(c);
        ShowRecord show = book.show(c.showId());
        Map<String, SeatRecord> seats = book.seats(c.showId(), seatIds,
                (id, seat) -> seat.status() == from ? null : ResultCode.SEAT_UNAVAILABLE);
        ShowChange change = book.change(show);
        seats.forEach((id, seat) -> change.set(id, seat, seat.with(to, null, null)));
        return new Accepted(change.publish(now, cause, c, null, null, null, reason), null, null);
    }
}
