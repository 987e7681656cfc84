package com.seatledger.api.command;

/** The ledger (or broker) did not answer in time: 503 with Retry-After; the client retries with the same key. */
public final class LedgerUnavailable extends RuntimeException {

    public LedgerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
