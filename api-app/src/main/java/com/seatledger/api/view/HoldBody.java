package com.seatledger.api.view;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;

/** The hold object (as in results and events) plus {@code showId}, and {@code seq}/{@code orderId} where a command produced it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldBody(String holdId, String showId, String actor, List<String> seatIds, Instant createdAt,
        Instant expiresAt, HoldStatus status, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaQuantity> areas,
        Long seq, String orderId) {

    public static HoldBody of(String showId, Hold h, Long seq, String orderId) {
        return new HoldBody(h.holdId(), showId, h.actor(), h.seatIds(), h.createdAt(), h.expiresAt(), h.status(),
                h.areas(), seq, orderId);
    }
}
