package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlockSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        List<String> seatIds, String reason, List<AreaQuantity> areas) implements Command {

    /** Seats only. */
    public BlockSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            List<String> seatIds, String reason) {
        this(commandId, showId, actor, roles, issuedAt, seatIds, reason, null);
    }

    @Override
    @JsonIgnore
    public List<AreaQuantity> places() {
        return areas == null ? List.of() : areas;
    }

    @Override
    public CommandType type() {
        return CommandType.BLOCK;
    }
}
