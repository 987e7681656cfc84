package com.seatledger.orders;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /orders {showId, holdId, paymentDelaySeconds?}} with the buyer's token: a pending
 * order for the buyer's active hold, paid (simulated) after the delay. {@code GET /orders/{id}}.
 * {@code POST /orders/{id}/pay}: the payment provider calling again (a retried webhook).
 */
@RestController
class OrdersController {

    record NewOrder(String showId, String holdId, Integer paymentDelaySeconds) {
    }

    private final OrderBook book;
    private final OrderJournal journal;
    private final SeatLedgerApi api;
    private final Payments payments;
    private final OrdersProperties props;
    private final Clock clock;

    OrdersController(OrderBook book, OrderJournal journal, SeatLedgerApi api, Payments payments,
            OrdersProperties props, Clock clock) {
        this.book = book;
        this.journal = journal;
        this.api = api;
        this.payments = payments;
        this.props = props;
        this.clock = clock;
    }

    @PostMapping("/orders")
    ResponseEntity<Order> create(@RequestBody NewOrder body,
            @RequestHeader(value = "Authorization", required = false) String authorization) {
        if (body.showId() == null || body.holdId() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "showId and holdId are required");
        }
        if (authorization == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "the buyer's bearer token is required");
        }
        var existing = book.forHold(body.showId(), body.holdId());
        if (existing.isPresent()) {
            return ResponseEntity.ok(existing.get()); // a retried order request
        }
        // the API says whether this buyer holds it: only the holder (or an admin) may read a hold
        SeatLedgerApi.Answer hold = api.hold(body.holdId(), authorization);
        if (!hold.ok()) {
            throw new ResponseStatusException(HttpStatus.valueOf(hold.status()), "hold " + body.holdId() + ": "
                    + (hold.code() == null ? "not available" : hold.code()));
        }
        if (!body.showId().equals(hold.body().path("showId").asString())
                || !"ACTIVE".equals(hold.body().path("status").asString())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "hold " + body.holdId() + " is not active in show "
                    + body.showId());
        }
        Instant now = clock.instant();
        Duration delay = body.paymentDelaySeconds() == null ? props.paymentDelay()
                : Duration.ofSeconds(body.paymentDelaySeconds());
        Order o = new Order("o-" + UUID.randomUUID().toString().substring(0, 13), body.showId(), body.holdId(),
                hold.body().path("actor").asString(), OrderStatus.PENDING, now.plus(delay), now, now, 0);
        book.put(o);
        journal.write(List.of(o));
        payments.schedule(o);
        return ResponseEntity.created(URI.create("/orders/" + o.orderId())).body(o);
    }

    @GetMapping("/orders/{orderId}")
    Order get(@PathVariable String orderId) {
        return book.get(orderId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no order " + orderId));
    }

    @PostMapping("/orders/{orderId}/pay")
    Order pay(@PathVariable String orderId) {
        get(orderId);
        return payments.pay(orderId);
    }

}
