package com.seatledger.topics.message;

/**
 * The places of one area that channel {@code channel} owns, by status: its quota. The public pool
 * has the rest of the area ({@link AreaCounts} minus every channel's quota).
 */
public record AreaQuota(String areaId, String channel, int available, int held, int sold, int blocked) {
}
