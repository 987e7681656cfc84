package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A sale as the box office lists it: its seats and places, the hold it confirmed (none for a
 * box-office sale), who bought it and when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Order(String orderId, List<String> seatIds, List<AreaQuantity> areas, String holdId, String actor,
        Instant soldAt) {

    public Order {
        seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }
}
