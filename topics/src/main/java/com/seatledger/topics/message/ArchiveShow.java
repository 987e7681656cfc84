package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** ARCHIVE_SHOW: the show ends for good; its active holds end RELEASED and its state leaves the ledger. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArchiveShow(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String reason, List<String> channels) implements CarriesChannels {

    /** Without the actor's channels (an actor of none, or a producer that does not carry them). */
    public ArchiveShow(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            String reason) {
        this(commandId, showId, actor, roles, issuedAt, reason, null);
    }

    @Override
    public CommandType type() {
        return CommandType.ARCHIVE_SHOW;
    }
}
