package com.seatledger.api.command;

/** A request the api-app rejects itself (400 INVALID_COMMAND), naming the field at fault. */
public final class BadRequest extends RuntimeException {

    public BadRequest(String field, String problem) {
        super(field + ": " + problem);
    }

    public BadRequest(String message) {
        super(message);
    }
}
