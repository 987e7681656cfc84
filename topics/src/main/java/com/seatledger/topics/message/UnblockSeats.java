package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnblockSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        List<String> seatIds, String reason) implements Command {

    @Override
    public CommandType type() {
        return CommandType.UNBLOCK;
    }
}
