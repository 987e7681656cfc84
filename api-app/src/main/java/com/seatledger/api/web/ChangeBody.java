package com.seatledger.api.web;

import java.util.List;

import com.seatledger.topics.message.AreaQuantity;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Answer of the box-office commands: what changed, and the event's seq. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeBody(String showId, Long seq, String orderId, List<String> seatIds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaQuantity> areas) {

    public ChangeBody(String showId, Long seq, String orderId, List<String> seatIds) {
        this(showId, seq, orderId, seatIds, List.of());
    }
}
