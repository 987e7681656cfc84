package com.seatledger.api.command;

import java.time.Duration;

/** The actor sent commands faster than its budget: 429 with Retry-After. */
public final class RateLimited extends RuntimeException {

    private final Duration retryAfter;

    public RateLimited(Duration retryAfter) {
        super("too many commands; retry after " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
