package com.seatledger.api.sse;

/** Why a stream could not be opened; the web layer turns it into a problem body. */
public final class StreamRejected extends RuntimeException {

    public enum Reason { SHOW_NOT_FOUND, HOLD_NOT_FOUND, TOO_MANY_STREAMS, TOO_MANY_FROM_ADDRESS }

    private final Reason reason;

    public StreamRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
