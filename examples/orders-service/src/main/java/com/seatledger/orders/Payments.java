package com.seatledger.orders;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated payment provider: at an order's {@code payAt} the payment succeeds and the hold is
 * confirmed through the API. A 503 or a failed connection is retried with the same key until the
 * API decides; a hold that ended first voids the order.
 */
public final class Payments implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final OrderBook book;
    private final OrderJournal journal;
    private final SeatLedgerApi api;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("payments").factory());

    public Payments(OrderBook book, OrderJournal journal, SeatLedgerApi api, Clock clock) {
        this.book = book;
        this.journal = journal;
        this.api = api;
        this.clock = clock;
    }

    /** Pays the order at its {@code payAt} (at once if that has passed). */
    public void schedule(Order o) {
        long wait = Math.max(0, Duration.between(clock.instant(), o.payAt()).toMillis());
        timer.schedule(() -> pay(o.orderId()), wait, TimeUnit.MILLISECONDS);
    }

    /** The payment succeeded (now, or once more: a retried webhook); returns the order afterwards. */
    public Order pay(String orderId) {
        Order o = book.get(orderId).orElseThrow();
        if (o.status() != OrderStatus.PENDING && o.status() != OrderStatus.CONFIRMED) {
            return o; // the hold ended first: nothing to confirm
        }
        SeatLedgerApi.Answer a;
        try {
            a = api.confirm(o.holdId(), o.orderId());
        } catch (RuntimeException unreachable) {
            a = new SeatLedgerApi.Answer(503, null);
        }
        if (a.ok()) {
            book.paid(orderId, clock.instant()).ifPresent(changed -> journal.write(List.of(changed)));
        } else if (a.status() == 503 || a.status() == 429) {
            log.info("payment of {}: API answered {}, retrying with the same key", orderId, a.status());
            timer.schedule(() -> pay(orderId), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } else if ("HOLD_EXPIRED".equals(a.code()) || "HOLD_NOT_ACTIVE".equals(a.code())
                || "HOLD_NOT_FOUND".equals(a.code())) {
            book.holdEnded(orderId, clock.instant()).ifPresent(changed -> journal.write(List.of(changed)));
        } else {
            log.warn("payment of {}: API answered {} {}", orderId, a.status(), a.body());
        }
        return book.get(orderId).orElseThrow();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
