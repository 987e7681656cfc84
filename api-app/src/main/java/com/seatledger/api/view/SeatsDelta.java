package com.seatledger.api.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.seatledger.topics.message.AreaCounts;

import java.util.List;
import java.util.Map;

import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.SeatChange;

/**
 * The public projection of an event that changed seats or area counts: no holdId, actor or orderId
 * can be carried because the type has no place for them. {@code areas}: the changed areas' counts.
 */
public record SeatsDelta(long seq, Cause cause, List<SeatChange> seats,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaCounts> areas, Map<String, Availability> availability) {
}
