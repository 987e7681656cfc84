package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfirmHold(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String holdId, String orderId) implements Command {

    @Override
    public CommandType type() {
        return CommandType.CONFIRM_HOLD;
    }
}
