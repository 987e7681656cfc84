package com.seatledger.topics.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A seat an event changed: its new status, and in a {@code CHANNEL} event the channel it moved to
 * ({@code channel} null there means the public pool; other events leave it out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatChange(String seatId, SeatStatus status, String channel) {

    public SeatChange(String seatId, SeatStatus status) {
        this(seatId, status, null);
    }
}
