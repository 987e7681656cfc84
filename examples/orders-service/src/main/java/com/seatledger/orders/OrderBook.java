package com.seatledger.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.seatledger.topics.message.ShowEvent;

/**
 * The orders and their rules, in memory: no Kafka, no HTTP. What changes an order: its payment
 * (PENDING → CONFIRMED, or EXPIRED when the hold had ended), and {@code seat-status} events of its
 * show: the hold expired, was released or replaced (PENDING → EXPIRED), the hold was confirmed
 * (PENDING → CONFIRMED: the payment's answer was lost), the order was cancelled (CONFIRMED →
 * REFUNDED), the show was archived (PENDING → EXPIRED). Every method returns the orders it changed,
 * for the caller to journal.
 */
public final class OrderBook {

    private final Map<String, Order> byId = new ConcurrentHashMap<>();
    private final Map<String, String> byHold = new ConcurrentHashMap<>();

    public Optional<Order> get(String orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    public Optional<Order> forHold(String showId, String holdId) {
        return Optional.ofNullable(byHold.get(key(showId, holdId))).map(byId::get);
    }

    /** An order as journaled (creation, or a restart's restore). */
    public synchronized void put(Order o) {
        byId.put(o.orderId(), o);
        byHold.put(key(o.showId(), o.holdId()), o.orderId());
    }

    public List<Order> pending() {
        return byId.values().stream().filter(o -> o.status() == OrderStatus.PENDING).toList();
    }

    /** The API confirmed the hold under this order. */
    public synchronized Optional<Order> paid(String orderId, Instant at) {
        return move(byId.get(orderId), OrderStatus.PENDING, OrderStatus.CONFIRMED, at, 0);
    }

    /** The API refused the confirmation because the hold had ended: the payment is void. */
    public synchronized Optional<Order> holdEnded(String orderId, Instant at) {
        return move(byId.get(orderId), OrderStatus.PENDING, OrderStatus.EXPIRED, at, 0);
    }

    public synchronized List<Order> apply(ShowEvent e) {
        List<Order> changed = new ArrayList<>();
        switch (e.cause()) {
            case EXPIRE, RELEASE -> ended(e, e.hold() == null ? null : e.hold().holdId(), changed);
            case HOLD -> ended(e, e.replacedHoldId(), changed);
            case CONFIRM -> move(order(e), OrderStatus.PENDING, OrderStatus.CONFIRMED, e.at(), e.seq())
                    .ifPresent(changed::add);
            case CANCEL -> move(order(e), OrderStatus.CONFIRMED, OrderStatus.REFUNDED, e.at(), e.seq())
                    .ifPresent(changed::add);
            case ARCHIVE -> byId.values().stream().filter(o -> o.showId().equals(e.showId())).toList()
                    .forEach(o -> move(o, OrderStatus.PENDING, OrderStatus.EXPIRED, e.at(), e.seq())
                            .ifPresent(changed::add));
            default -> {
            }
        }
        return changed;
    }

    private void ended(ShowEvent e, String holdId, List<Order> changed) {
        if (holdId != null) {
            forHold(e.showId(), holdId).flatMap(o -> move(o, OrderStatus.PENDING, OrderStatus.EXPIRED, e.at(), e.seq()))
                    .ifPresent(changed::add);
        }
    }

    /** The order an event names, if it is ours and of that show. */
    private Order order(ShowEvent e) {
        Order o = e.orderId() == null ? null : byId.get(e.orderId());
        return o != null && o.showId().equals(e.showId()) ? o : null;
    }

    private Optional<Order> move(Order o, OrderStatus from, OrderStatus to, Instant at, long seq) {
        if (o == null || o.status() != from || (seq > 0 && seq <= o.seq())) {
            return Optional.empty();
        }
        Order next = o.to(to, at, seq);
        byId.put(next.orderId(), next);
        return Optional.of(next);
    }

    private static String key(String showId, String holdId) {
        return showId + '\n' + holdId;
    }
}
