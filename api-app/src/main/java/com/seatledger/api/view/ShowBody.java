package com.seatledger.api.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ShowArea;
import com.seatledger.topics.message.ShowSeat;

/** A show as the API serves it: GET, 201 of create, the SSE snapshot. */
public record ShowBody(String showId, String name, Instant startsAt, long seq, List<ShowSeat> seats,
        List<ShowArea> areas, Map<String, Availability> availability, Policy policy) {
}
