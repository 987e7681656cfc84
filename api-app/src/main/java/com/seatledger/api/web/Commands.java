package com.seatledger.api.web;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.seatledger.api.command.BadRequest;
import com.seatledger.api.command.CommandIds;
import com.seatledger.topics.message.Ids;

/** What every command endpoint needs first: the caller, a commandId from its Idempotency-Key, "now", valid path ids. */
@Component
public class Commands {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The common members of a command about to be built. */
    public record Envelope(String commandId, String actor, java.util.List<String> roles, Instant issuedAt,
            java.util.List<String> channels) {
    }

    private final Clock clock;

    public Commands(Clock clock) {
        this.clock = clock;
    }

    public Envelope envelope(Authentication auth, String idempotencyKey) {
        return envelope(Caller.of(auth), idempotencyKey);
    }

    public Envelope envelope(Caller c, String idempotencyKey) {
        return new Envelope(CommandIds.commandId(c.actor(), idempotencyKey), c.actor(), c.roles(), clock.instant(),
                c.channels().isEmpty() ? null : c.channels());
    }

    /** A path id that breaks the id grammar can name nothing: 400, not a trip to the ledger. */
    public static String pathId(String name, String value) {
        if (!Ids.valid(value)) {
            throw new BadRequest(name, Ids.RULE);
        }
        return value;
    }
}
