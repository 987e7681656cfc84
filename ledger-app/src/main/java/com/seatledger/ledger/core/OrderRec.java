package com.seatledger.ledger.core;

/** An order's seats (layout indexes). Cancelled orders stay, so their orderId is never reused in the show. */
record OrderRec(String orderId, int[] seats, String holdId, boolean cancelled) {

    OrderRec cancel() {
        return new OrderRec(orderId, HoldRec.NO_SEATS, holdId, true);
    }
}
