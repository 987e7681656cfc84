package com.seatledger.topics.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Places of one area named by a command (hold, sale, block) or held by a hold. {@code channel}: the
 * channel whose quota they come from; null (omitted) for the public pool.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AreaQuantity(String areaId, Integer quantity, String channel) {

    /** Places of the public pool. */
    public AreaQuantity(String areaId, Integer quantity) {
        this(areaId, quantity, null);
    }
}
