package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfirmHold(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String holdId, String orderId, List<String> channels) implements CarriesChannels {

    /** Without the actor's channels (an actor of none, or a producer that does not carry them). */
    public ConfirmHold(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            String holdId, String orderId) {
        this(commandId, showId, actor, roles, issuedAt, holdId, orderId, null);
    }

    @Override
    public CommandType type() {
        return CommandType.CONFIRM_HOLD;
    }
}
