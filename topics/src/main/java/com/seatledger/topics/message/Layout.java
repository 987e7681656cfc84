package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A show's static description, carried whole by its CREATE event. {@code policy} is resolved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Layout(String name, Instant startsAt, Policy policy, List<SeatDef> seats,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaDef> areas,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ChannelDef> channels) {

    public Layout {
        areas = areas == null ? List.of() : List.copyOf(areas);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public Layout(String name, Instant startsAt, Policy policy, List<SeatDef> seats, List<AreaDef> areas) {
        this(name, startsAt, policy, seats, areas, List.of());
    }

    public Layout(String name, Instant startsAt, Policy policy, List<SeatDef> seats) {
        this(name, startsAt, policy, seats, List.of());
    }
}
