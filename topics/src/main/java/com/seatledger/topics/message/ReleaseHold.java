package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseHold(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String holdId, List<String> channels) implements CarriesChannels {

    /** Without the actor's channels (an actor of none, or a producer that does not carry them). */
    public ReleaseHold(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            String holdId) {
        this(commandId, showId, actor, roles, issuedAt, holdId, null);
    }

    @Override
    public CommandType type() {
        return CommandType.RELEASE_HOLD;
    }
}
