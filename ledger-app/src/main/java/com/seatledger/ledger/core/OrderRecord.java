package com.seatledger.ledger.core;

import java.util.List;

/** An order's seats. Cancelled orders stay, so their orderId can never be reused in the show. */
public record OrderRecord(String orderId, List<String> seatIds, String holdId, boolean cancelled) {

    public OrderRecord cancel() {
        return new OrderRecord(orderId, seatIds, holdId, true);
    }
}
