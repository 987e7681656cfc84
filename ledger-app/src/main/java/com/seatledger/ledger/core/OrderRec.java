package com.seatledger.ledger.core;

/**
 * An order's seats (layout indexes) and places. Cancelled orders stay, so their orderId is never
 * reused in the show.
 */
record OrderRec(String orderId, int[] seats, String holdId, boolean cancelled, Places places) {

    OrderRec(String orderId, int[] seats, String holdId, boolean cancelled) {
        this(orderId, seats, holdId, cancelled, Places.NONE);
    }

    OrderRec cancel() {
        return new OrderRec(orderId, HoldRec.NO_SEATS, holdId, true, Places.NONE);
    }
}
