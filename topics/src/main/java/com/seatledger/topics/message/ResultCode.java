package com.seatledger.topics.message;

/**
 * The ledger's decision codes, declared in precedence order: when several apply, the
 * one declared first wins ({@code OK} aside).
 */
public enum ResultCode {
    OK,
    INVALID_COMMAND,
    FORBIDDEN,
    SHOW_NOT_FOUND,
    SHOW_EXISTS,
    HOLD_NOT_FOUND,
    NOT_HOLDER,
    HOLD_EXPIRED,
    HOLD_NOT_ACTIVE,
    HOLD_TOO_LONG,
    SEAT_NOT_FOUND,
    SEAT_UNAVAILABLE,
    HOLDER_LIMIT,
    NOT_ENOUGH_SEATS,
    ORPHAN_SEAT,
    ORDER_NOT_FOUND
}
