package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CancelOrder(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String orderId, List<String> channels) implements CarriesChannels {

    /** Without the actor's channels (an actor of none, or a producer that does not carry them). */
    public CancelOrder(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            String orderId) {
        this(commandId, showId, actor, roles, issuedAt, orderId, null);
    }

    @Override
    public CommandType type() {
        return CommandType.CANCEL_ORDER;
    }
}
