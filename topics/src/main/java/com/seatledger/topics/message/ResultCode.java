package com.seatledger.topics.message;

/**
 * The ledger's decision codes. When several apply, the one earlier in {@link #precedence()} wins;
 * that is declaration order, except that the codes added later (appended) rank where the contract puts
 * them: the area codes after their seat counterparts, CHANNEL_RESTRICTED right after the "not found"s.
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
    AREA_FULL,
    CHANNEL_RESTRICTED;

    /**
     * Lower wins: SEAT_NOT_FOUND, AREA_NOT_FOUND, CHANNEL_RESTRICTED, SEAT_UNAVAILABLE, AREA_FULL,
     * HOLDER_LIMIT, ... (a restricted seat never reveals whether it is held).
     */
    public int precedence() {
        return switch (this) {
            case AREA_NOT_FOUND -> SEAT_NOT_FOUND.ordinal() * 4 + 1;
            case CHANNEL_RESTRICTED -> SEAT_NOT_FOUND.ordinal() * 4 + 2;
            case AREA_FULL -> SEAT_UNAVAILABLE.ordinal() * 4 + 1;
            default -> ordinal() * 4;
        };
    }
}
