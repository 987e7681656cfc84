package com.seatledger.topics.message;

/** A seat whose status an event changed, with its new status. */
public record SeatChange(String seatId, SeatStatus status) {
}
