package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The hold object, identical wherever it appears (results, events, API bodies). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hold(String holdId, String actor, List<String> seatIds, Instant createdAt, Instant expiresAt,
        HoldStatus status, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaQuantity> areas) {

    public Hold {
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /** A hold of seats only. */
    public Hold(String holdId, String actor, List<String> seatIds, Instant createdAt, Instant expiresAt,
            HoldStatus status) {
        this(holdId, actor, seatIds, createdAt, expiresAt, status, List.of());
    }

    public Hold withStatus(HoldStatus newStatus) {
        return new Hold(holdId, actor, seatIds, createdAt, expiresAt, newStatus, areas);
    }

    public Hold withExpiresAt(Instant newExpiresAt) {
        return new Hold(holdId, actor, seatIds, createdAt, newExpiresAt, status, areas);
    }
}
