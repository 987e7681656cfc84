package com.seatledger.ledger.core;

import java.util.function.ToIntFunction;

import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.CommandType;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatStatus;

/**
 * The stable number each enum constant is stored as. A constant's position in its enum is not
 * stored anywhere: adding or reordering constants must never change what stored bytes mean, so
 * each code is written here next to its constant, and an exhaustive switch makes a new constant a
 * compile error until it has one. A code, once released, is never reused for another constant.
 */
final class StoreCodes {

    static final Codes<Cause> CAUSE = new Codes<>(Cause.class, c -> switch (c) {
        case CREATE -> 1;
        case HOLD -> 2;
        case EXTEND -> 3;
        case RELEASE -> 4;
        case EXPIRE -> 5;
        case CONFIRM -> 6;
        case SELL -> 7;
        case CANCEL -> 8;
        case BLOCK -> 9;
        case UNBLOCK -> 10;
        case ARCHIVE -> 11;
        case CHANNEL -> 12;
    });

    static final Codes<SeatStatus> SEAT_STATUS = new Codes<>(SeatStatus.class, s -> switch (s) {
        case AVAILABLE -> 0;
        case HELD -> 1;
        case SOLD -> 2;
        case BLOCKED -> 3;
    });

    static final Codes<HoldStatus> HOLD_STATUS = new Codes<>(HoldStatus.class, s -> switch (s) {
        case ACTIVE -> 1;
        case CONFIRMED -> 2;
        case RELEASED -> 3;
        case EXPIRED -> 4;
    });

    static final Codes<Outcome> OUTCOME = new Codes<>(Outcome.class, o -> switch (o) {
        case ACCEPTED -> 1;
        case REJECTED -> 2;
    });

    static final Codes<ResultCode> RESULT_CODE = new Codes<>(ResultCode.class, r -> switch (r) {
        case OK -> 1;
        case INVALID_COMMAND -> 2;
        case FORBIDDEN -> 3;
        case SHOW_NOT_FOUND -> 4;
        case SHOW_EXISTS -> 5;
        case HOLD_NOT_FOUND -> 6;
        case NOT_HOLDER -> 7;
        case HOLD_EXPIRED -> 8;
        case HOLD_NOT_ACTIVE -> 9;
        case HOLD_TOO_LONG -> 10;
        case SEAT_NOT_FOUND -> 11;
        case SEAT_UNAVAILABLE -> 12;
        case HOLDER_LIMIT -> 13;
        case NOT_ENOUGH_SEATS -> 14;
        case ORPHAN_SEAT -> 15;
        case ORDER_NOT_FOUND -> 16;
        case AREA_NOT_FOUND -> 17;
        case AREA_FULL -> 18;
        case CHANNEL_RESTRICTED -> 19;
    });

    /** Hashed into a command's fingerprint, which idempotency records keep. */
    static final Codes<CommandType> COMMAND_TYPE = new Codes<>(CommandType.class, t -> switch (t) {
        case CREATE_SHOW -> 1;
        case HOLD -> 2;
        case EXTEND_HOLD -> 3;
        case RELEASE_HOLD -> 4;
        case CONFIRM_HOLD -> 5;
        case SELL -> 6;
        case CANCEL_ORDER -> 7;
        case BLOCK -> 8;
        case UNBLOCK -> 9;
        case ARCHIVE_SHOW -> 10;
        case ASSIGN_CHANNEL -> 11;
    });

    private StoreCodes() {
    }

    /**
     * A show's seat statuses as stored: in memory each seat's status byte is its position in
     * {@link SeatStatus} (it indexes the counts), in the store its {@link #SEAT_STATUS} code.
     */
    static byte[] seatStatusCodes(byte[] inMemory) {
        byte[] codes = new byte[inMemory.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) SEAT_STATUS.codeOfOrdinal(inMemory[i]);
        }
        return codes;
    }

    /** {@link #seatStatusCodes} read back, in place. */
    static byte[] seatStatusesInMemory(byte[] codes) {
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) SEAT_STATUS.of(codes[i] & 0xFF).ordinal();
        }
        return codes;
    }

    /** Both directions of one enum's codes (0-255, one byte each where stored). */
    static final class Codes<E extends Enum<E>> {
        private final String name;
        private final int[] byOrdinal;
        private final Object[] byCode = new Object[256];

        Codes(Class<E> type, ToIntFunction<E> code) {
            name = type.getSimpleName();
            E[] constants = type.getEnumConstants();
            byOrdinal = new int[constants.length];
            for (E e : constants) {
                int c = code.applyAsInt(e);
                if (c < 0 || c > 255 || byCode[c] != null) {
                    throw new IllegalStateException(name + " code " + c + " of " + e + " is out of range or taken");
                }
                byOrdinal[e.ordinal()] = c;
                byCode[c] = e;
            }
        }

        int code(E e) {
            return byOrdinal[e.ordinal()];
        }

        /** Code by ordinal, for arrays that hold ordinals in memory. */
        int codeOfOrdinal(int ordinal) {
            return byOrdinal[ordinal];
        }

        @SuppressWarnings("unchecked")
        E of(int code) {
            Object e = code >= 0 && code < byCode.length ? byCode[code] : null;
            if (e == null) {
                throw new UnknownStoreFormat("a stored record has " + name + " code " + code
                        + ", which this release does not know (written by a newer release?)");
            }
            return (E) e;
        }
    }
}
