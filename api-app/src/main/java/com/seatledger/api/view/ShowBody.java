package com.seatledger.api.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ShowArea;
import com.seatledger.topics.message.ShowSeat;

/**
 * A show as the API serves it: GET, 201 of create, the SSE snapshot. {@code channels}: the sales
 * channels the caller may see (all for admins, its own for a channel's buyers, none on the public
 * stream), with their availability; each seat names its channel's id either way.
 */
public record ShowBody(String showId, String name, Instant startsAt, long seq, List<ShowSeat> seats,
        List<ShowArea> areas, Map<String, Availability> availability, Policy policy,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChannelBody> channels) {
}
