package com.seatledger.topics.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Per-show rules; every member is optional on the wire and {@link #resolved()} fills the defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Policy(Integer holdTtlSeconds, Integer maxHoldSeconds, Integer maxSeatsPerHolder,
        Boolean preventOrphanSeats) {

    public static final int DEFAULT_HOLD_TTL_SECONDS = 600;
    public static final int DEFAULT_MAX_HOLD_SECONDS = 3600;
    public static final int DEFAULT_MAX_SEATS_PER_HOLDER = 10;

    public static final Policy DEFAULTS = new Policy(null, null, null, null).resolved();

    public Policy resolved() {
        return new Policy(
                holdTtlSeconds != null ? holdTtlSeconds : DEFAULT_HOLD_TTL_SECONDS,
                maxHoldSeconds != null ? maxHoldSeconds : DEFAULT_MAX_HOLD_SECONDS,
                maxSeatsPerHolder != null ? maxSeatsPerHolder : DEFAULT_MAX_SEATS_PER_HOLDER,
                preventOrphanSeats != null ? preventOrphanSeats : Boolean.FALSE);
    }
}
