package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change of a show, on {@code seat-status}. {@code seq} is gapless per show;
 * {@code seats} lists only seats whose status changed; {@code availability} covers every category.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShowEvent(String showId, long seq, Instant at, Cause cause, String commandId, String actor,
        Hold hold, String orderId, String replacedHoldId, String reason, List<SeatChange> seats,
        Map<String, Availability> availability, Layout layout) {

    public ShowEvent {
        seats = seats == null ? List.of() : List.copyOf(seats);
    }
}
