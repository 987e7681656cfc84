package com.seatledger.topics.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A channel as {@code CREATE_SHOW} sets it up (and a {@code CREATE} event's layout carries it): the
 * seats it owns and its quota of places per area. Everything no channel owns is the public pool.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelDef(String channelId, String name, List<String> seatIds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaQuantity> areas) {

    public ChannelDef {
        seatIds = seatIds == null ? List.of() : seatIds;
        areas = areas == null ? List.of() : areas;
    }

    @JsonIgnore
    public Channel channel() {
        return new Channel(channelId, name);
    }
}
