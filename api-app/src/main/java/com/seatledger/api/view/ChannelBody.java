package com.seatledger.api.view;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.seatledger.topics.message.Availability;

/**
 * A sales channel as its buyers and admins see it: its name and availability per category (seats
 * and area places it owns). The admins' channel list also gives its {@code seatIds} and its
 * {@code areas} quotas; a show body leaves them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelBody(String channelId, String name, List<String> seatIds, List<ChannelArea> areas,
        Map<String, Availability> availability) {

    /** A channel's quota of an area: the places it owns ({@code quantity}), by status. */
    public record ChannelArea(String areaId, int quantity, int available, int held, int sold, int blocked) {
    }
}
