package com.seatledger.topics.message;

/** Places of one area named by a command (hold, sale, block) or held by a hold. */
public record AreaQuantity(String areaId, Integer quantity) {
}
