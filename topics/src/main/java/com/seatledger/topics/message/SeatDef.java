package com.seatledger.topics.message;

/** One seat of a show's layout; {@code number} is its position in the row. */
public record SeatDef(String seatId, String section, String row, Integer number, String category) {
}
