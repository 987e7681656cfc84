package com.seatledger.topics.message;

/** Why one named seat made a command fail. */
public record SeatError(String seatId, ResultCode reason) {
}
