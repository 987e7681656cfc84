package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateShow(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String name, Instant startsAt, List<SeatDef> seats, Policy policy, List<AreaDef> areas,
        List<ChannelDef> channels) implements Command {

    /** A show without channels. */
    public CreateShow(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            String name, Instant startsAt, List<SeatDef> seats, Policy policy, List<AreaDef> areas) {
        this(commandId, showId, actor, roles, issuedAt, name, startsAt, seats, policy, areas, null);
    }

    /** A show of numbered seats only. */
    public CreateShow(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            String name, Instant startsAt, List<SeatDef> seats, Policy policy) {
        this(commandId, showId, actor, roles, issuedAt, name, startsAt, seats, policy, null);
    }

    /** The areas, never null. */
    @JsonIgnore
    public List<AreaDef> areaDefs() {
        return areas == null ? List.of() : areas;
    }

    /** The channels set up at creation, never null. */
    @JsonIgnore
    public List<ChannelDef> channelDefs() {
        return channels == null ? List.of() : channels;
    }

    @Override
    public CommandType type() {
        return CommandType.CREATE_SHOW;
    }
}
