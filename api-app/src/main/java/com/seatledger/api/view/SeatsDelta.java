package com.seatledger.api.view;

import java.util.List;
import java.util.Map;

import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.SeatChange;

/**
 * The public projection of an event that changed seats: no holdId, actor or orderId can
 * be carried because the type has no place for them.
 */
public record SeatsDelta(long seq, Cause cause, List<SeatChange> seats, Map<String, Availability> availability) {
}
