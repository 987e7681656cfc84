package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change of a show, on {@code seat-status}. {@code seq} is gapless per show;
 * {@code seats} lists only seats whose status changed (in a {@code CHANNEL} event: the seats moved,
 * with their new channel); {@code availability} covers every category. A {@code CHANNEL} event
 * names the {@code channel} seats moved into (omitted: the public pool). {@code quotas}: the
 * channels' area quotas the event changed (places assigned, or held, sold, released from a quota), after it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShowEvent(String showId, long seq, Instant at, Cause cause, String commandId, String actor,
        Hold hold, String orderId, String replacedHoldId, String reason, List<SeatChange> seats,
        Map<String, Availability> availability, Layout layout,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaCounts> areas, Channel channel,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaQuota> quotas) {

    public ShowEvent {
        seats = seats == null ? List.of() : List.copyOf(seats);
        areas = areas == null ? List.of() : List.copyOf(areas);
        quotas = quotas == null ? List.of() : List.copyOf(quotas);
    }

    /** An event that moved nothing between channels. */
    public ShowEvent(String showId, long seq, Instant at, Cause cause, String commandId, String actor,
            Hold hold, String orderId, String replacedHoldId, String reason, List<SeatChange> seats,
            Map<String, Availability> availability, Layout layout, List<AreaCounts> areas) {
        this(showId, seq, at, cause, commandId, actor, hold, orderId, replacedHoldId, reason, seats, availability,
                layout, areas, null, List.of());
    }

    /** An event that changed no area. */
    public ShowEvent(String showId, long seq, Instant at, Cause cause, String commandId, String actor,
            Hold hold, String orderId, String replacedHoldId, String reason, List<SeatChange> seats,
            Map<String, Availability> availability, Layout layout) {
        this(showId, seq, at, cause, commandId, actor, hold, orderId, replacedHoldId, reason, seats, availability,
                layout, List.of());
    }
}
