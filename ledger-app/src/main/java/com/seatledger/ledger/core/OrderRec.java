package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.seatledger.topics.message.Order;

/**
 * An order's seats (layout indexes) and places, who bought it and when. Cancelled orders stay, so
 * their orderId is never reused in the show.
 */
record OrderRec(String orderId, int[] seats, String holdId, boolean cancelled, Places places, String actor,
        Instant soldAt) {

    OrderRec(String orderId, int[] seats, String holdId, boolean cancelled) {
        this(orderId, seats, holdId, cancelled, Places.NONE, null, null);
    }

    OrderRec with(Places sold) {
        return new OrderRec(orderId, seats, holdId, cancelled, sold, actor, soldAt);
    }

    OrderRec soldBy(String buyer, Instant at) {
        return new OrderRec(orderId, seats, holdId, cancelled, places, buyer, at);
    }

    OrderRec cancel() {
        return new OrderRec(orderId, HoldRec.NO_SEATS, holdId, true, Places.NONE, actor, soldAt);
    }

    Order toOrder(ShowState show) {
        List<String> ids = new ArrayList<>(seats.length);
        for (int s : seats) {
            ids.add(show.seatIds[s]);
        }
        return new Order(orderId, ids, places.toWire(show), holdId, actor, soldAt);
    }
}
