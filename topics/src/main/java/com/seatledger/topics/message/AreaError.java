package com.seatledger.topics.message;

/** Why the places asked of one area made a command fail: {@code available} is what could be had. */
public record AreaError(String areaId, ResultCode reason, int requested, int available) {
}
