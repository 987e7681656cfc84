package com.seatledger.topics.message;

/**
 * The ledger's decision codes. When several apply, the one earlier in {@link #precedence()} wins;
 * that is declaration order, except that the area codes (added later, and appended so that stored
 * ordinals keep their meaning) rank after their seat counterparts.
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
    ORDER_NOT_FOUND,
    AREA_NOT_FOUND,
    AREA_FULL;

    /** Lower wins: SEAT_NOT_FOUND, AREA_NOT_FOUND, SEAT_UNAVAILABLE, AREA_FULL, HOLDER_LIMIT, ... */
    public int precedence() {
        return switch (this) {
            case AREA_NOT_FOUND -> SEAT_NOT_FOUND.ordinal() * 2 + 1;
            case AREA_FULL -> SEAT_UNAVAILABLE.ordinal() * 2 + 1;
            default -> ordinal() * 2;
        };
    }
}
