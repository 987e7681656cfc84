package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtendHold(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String holdId, Integer ttlSeconds, List<String> channels) implements CarriesChannels {

    /** Without the actor's channels (an actor of none, or a producer that does not carry them). */
    public ExtendHold(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            String holdId, Integer ttlSeconds) {
        this(commandId, showId, actor, roles, issuedAt, holdId, ttlSeconds, null);
    }

    @Override
    public CommandType type() {
        return CommandType.EXTEND_HOLD;
    }
}
