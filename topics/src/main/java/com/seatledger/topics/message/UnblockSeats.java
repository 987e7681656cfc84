package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnblockSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        List<String> seatIds, String reason, List<AreaQuantity> areas, List<String> channels)
        implements CarriesChannels {

    /** Without the actor's channels (an actor of none, or a producer that does not carry them). */
    public UnblockSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            List<String> seatIds, String reason, List<AreaQuantity> areas) {
        this(commandId, showId, actor, roles, issuedAt, seatIds, reason, areas, null);
    }

    /** Seats only. */
    public UnblockSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            List<String> seatIds, String reason) {
        this(commandId, showId, actor, roles, issuedAt, seatIds, reason, null, null);
    }

    @Override
    @JsonIgnore
    public List<AreaQuantity> places() {
        return areas == null ? List.of() : areas;
    }

    @Override
    public CommandType type() {
        return CommandType.UNBLOCK;
    }
}
