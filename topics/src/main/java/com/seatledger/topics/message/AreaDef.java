package com.seatledger.topics.message;

/**
 * A general-admission area of a show (a standing floor, a lawn): {@code capacity} places without
 * identity, of one {@code category}. {@code areaId} has the seat id grammar and is unique among the
 * show's seats and areas.
 */
public record AreaDef(String areaId, String name, String category, Integer capacity) {
}
