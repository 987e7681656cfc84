package com.seatledger.ledger.core;

import com.seatledger.topics.message.SeatStatus;

/**
 * One seat: its place (static) and its state. {@code ordinal} is its position in the CREATE
 * command, which orders rows front to back. {@code holdId} is set while HELD, {@code orderId}
 * while SOLD.
 */
public record SeatRecord(String section, String row, int number, String category, int ordinal, SeatStatus status,
        String holdId, String orderId) {

    public SeatRecord available() {
        return with(SeatStatus.AVAILABLE, null, null);
    }

    public SeatRecord with(SeatStatus newStatus, String newHoldId, String newOrderId) {
        return new SeatRecord(section, row, number, category, ordinal, newStatus, newHoldId, newOrderId);
    }

    public boolean isAvailable() {
        return status == SeatStatus.AVAILABLE;
    }
}
