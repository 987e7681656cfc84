package com.seatledger.topics.message;

/** An area's places by status; they always add up to its capacity. */
public record AreaCounts(String areaId, int available, int held, int sold, int blocked) {
}
