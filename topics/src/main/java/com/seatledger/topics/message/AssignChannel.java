package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * ASSIGN_CHANNEL: moves AVAILABLE seats and places into channel {@code channelId} (null: back to the
 * public pool). The first use of an id creates the channel, named {@code name} (or its id).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignChannel(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String channelId, String name, List<String> seatIds, List<AreaQuantity> areas, List<String> channels)
        implements CarriesChannels {

    /** Without the actor's channels (an actor of none, or a producer that does not carry them). */
    public AssignChannel(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            String channelId, String name, List<String> seatIds, List<AreaQuantity> areas) {
        this(commandId, showId, actor, roles, issuedAt, channelId, name, seatIds, areas, null);
    }

    @Override
    @JsonIgnore
    public List<AreaQuantity> places() {
        return areas == null ? List.of() : areas;
    }

    @Override
    public CommandType type() {
        return CommandType.ASSIGN_CHANNEL;
    }
}
