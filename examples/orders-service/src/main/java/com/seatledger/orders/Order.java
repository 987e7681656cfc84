package com.seatledger.orders;

import java.time.Instant;

/**
 * One order for one hold. {@code seq} is the seq of the last {@code seat-status} event of its show
 * that changed it: an event with a seq at or below it was applied already (redelivered after a
 * restart) and changes nothing.
 */
public record Order(String orderId, String showId, String holdId, String buyer, OrderStatus status,
        Instant payAt, Instant createdAt, Instant updatedAt, long seq) {

    Order to(OrderStatus next, Instant at, long bySeq) {
        return new Order(orderId, showId, holdId, buyer, next, payAt, createdAt, at, Math.max(seq, bySeq));
    }
}
