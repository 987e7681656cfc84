package com.seatledger.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.ShowEvent;

class OrderBookTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    final OrderBook book = new OrderBook();

    Order pending(String orderId, String holdId) {
        Order o = new Order(orderId, "s1", holdId, "alice", OrderStatus.PENDING, T.plusSeconds(5), T, T, 0);
        book.put(o);
        return o;
    }

    static ShowEvent event(long seq, Cause cause, String holdId, HoldStatus status, String orderId, String replaced) {
        Hold hold = holdId == null ? null
                : new Hold(holdId, "alice", List.of("A-1"), T, T.plusSeconds(60), status, List.of());
        return new ShowEvent("s1", seq, T.plusSeconds(seq), cause, null, null, hold, orderId, replaced, null,
                List.of(), java.util.Map.of(), null);
    }

    @Test
    void anExpiredOrReleasedHoldExpiresItsPendingOrderOnce() {
        pending("o-1", "h-1");
        pending("o-2", "h-2");
        assertThat(book.apply(event(7, Cause.EXPIRE, "h-1", HoldStatus.EXPIRED, null, null)))
                .extracting(Order::orderId, Order::status, Order::seq).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("o-1", OrderStatus.EXPIRED, 7L));
        assertThat(book.apply(event(8, Cause.RELEASE, "h-2", HoldStatus.RELEASED, null, null))).hasSize(1);
        // redelivered after a restart: nothing changes
        assertThat(book.apply(event(7, Cause.EXPIRE, "h-1", HoldStatus.EXPIRED, null, null))).isEmpty();
        assertThat(book.apply(event(9, Cause.EXPIRE, "h-unknown", HoldStatus.EXPIRED, null, null))).isEmpty();
    }

    @Test
    void paymentConfirmsAndACancelRefunds() {
        pending("o-1", "h-1");
        assertThat(book.paid("o-1", T).map(Order::status)).contains(OrderStatus.CONFIRMED);
        assertThat(book.paid("o-1", T)).as("paid twice").isEmpty();
        // the CONFIRM event of our own payment changes nothing more
        assertThat(book.apply(event(3, Cause.CONFIRM, "h-1", HoldStatus.CONFIRMED, "o-1", null))).isEmpty();
        assertThat(book.apply(event(4, Cause.CANCEL, null, null, "o-1", null)))
                .extracting(Order::status).containsExactly(OrderStatus.REFUNDED);
        assertThat(book.apply(event(4, Cause.CANCEL, null, null, "o-1", null))).isEmpty();
    }

    @Test
    void aConfirmEventConfirmsWhenThePaymentsAnswerWasLost() {
        pending("o-1", "h-1");
        assertThat(book.apply(event(3, Cause.CONFIRM, "h-1", HoldStatus.CONFIRMED, "o-1", null)))
                .extracting(Order::status).containsExactly(OrderStatus.CONFIRMED);
    }

    @Test
    void aReplacedHoldOrAnArchivedShowExpiresPendingOrdersButNotPaidOnes() {
        pending("o-1", "h-1");
        pending("o-2", "h-2");
        pending("o-3", "h-3");
        book.paid("o-3", T);
        assertThat(book.apply(event(5, Cause.HOLD, "h-9", HoldStatus.ACTIVE, null, "h-1")))
                .extracting(Order::orderId).containsExactly("o-1");
        assertThat(book.apply(event(6, Cause.ARCHIVE, null, null, null, null)))
                .extracting(Order::orderId).containsExactly("o-2");
        assertThat(book.get("o-3").map(Order::status)).contains(OrderStatus.CONFIRMED);
        assertThat(book.pending()).isEmpty();
    }

    @Test
    void aHoldThatEndedBeforeThePaymentVoidsTheOrder() {
        pending("o-1", "h-1");
        assertThat(book.holdEnded("o-1", T).map(Order::status)).contains(OrderStatus.EXPIRED);
        assertThat(book.paid("o-1", T)).isEmpty();
    }
}
