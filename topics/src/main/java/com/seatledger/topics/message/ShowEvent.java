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
        Map<String, Availability> availability, Layout layout,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaCounts> areas) {

    public ShowEvent {
        seats = seats == null ? List.of() : List.copyOf(seats);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /** An event that changed no area. */
    public ShowEvent(String showId, long seq, Instant at, Cause cause, String commandId, String actor,
            Hold hold, String orderId, String replacedHoldId, String reason, List<SeatChange> seats,
            Map<String, Availability> availability, Layout layout) {
        this(showId, seq, at, cause, commandId, actor, hold, orderId, replacedHoldId, reason, seats, availability,
                layout, List.of());
    }
}
