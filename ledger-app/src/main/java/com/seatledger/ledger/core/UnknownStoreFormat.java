package com.seatledger.ledger.core;

/**
 * A stored record this release cannot read: a newer format version or a code it does not know.
 * Thrown instead of misreading the bytes, so a downgrade stops with this message rather than
 * deciding on wrong state.
 */
public final class UnknownStoreFormat extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    UnknownStoreFormat(String message) {
        super(message);
    }
}
