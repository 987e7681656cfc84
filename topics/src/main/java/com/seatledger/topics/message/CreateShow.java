package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateShow(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String name, Instant startsAt, List<SeatDef> seats, Policy policy) implements Command {

    @Override
    public CommandType type() {
        return CommandType.CREATE_SHOW;
    }
}
