package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** HOLD: either {@code seatIds} or {@code bestAvailable}, never both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String holdId, List<String> seatIds, BestAvailable bestAvailable, Integer ttlSeconds, String replacesHoldId)
        implements Command {

    @Override
    public CommandType type() {
        return CommandType.HOLD;
    }
}
