package com.seatledger.topics.message;

/** A seat of a show's layout with its current status: one row of a seat map. */
public record ShowSeat(String seatId, String section, String row, int number, String category, SeatStatus status) {
}
