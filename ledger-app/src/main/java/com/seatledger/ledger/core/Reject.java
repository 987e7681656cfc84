package com.seatledger.ledger.core;

import java.util.List;

import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatError;

/**
 * A rule said no. Thrown before any write, so a rejected command changes nothing (all or
 * nothing); carries no stack trace because it is an answer, not a fault.
 */
final class Reject extends RuntimeException {

    final ResultCode code;
    final List<SeatError> seatErrors;

    Reject(ResultCode code, String message, List<SeatError> seatErrors) {
        super(message, null, false, false);
        this.code = code;
        this.seatErrors = List.copyOf(seatErrors);
    }

    Reject(ResultCode code, String message) {
        this(code, message, List.of());
    }

    /** The most serious of the seats' reasons wins (codes are declared in precedence order). */
    static Reject forSeats(List<SeatError> errors, String message) {
        ResultCode worst = errors.stream().map(SeatError::reason).min(Enum::compareTo).orElseThrow();
        return new Reject(worst, message, errors);
    }
}
