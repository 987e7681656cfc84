package com.seatledger.ledger.core;

import java.util.List;

import com.seatledger.topics.message.AreaError;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatError;

/**
 * A rule said no. Thrown before any write, so a rejected command changes nothing (all or
 * nothing); carries no stack trace because it is an answer, not a fault.
 */
final class Reject extends RuntimeException {

    final ResultCode code;
    final List<SeatError> seatErrors;
    final List<AreaError> areaErrors;

    Reject(ResultCode code, String message, List<SeatError> seatErrors, List<AreaError> areaErrors) {
        super(message, null, false, false);
        this.code = code;
        this.seatErrors = List.copyOf(seatErrors);
        this.areaErrors = List.copyOf(areaErrors);
    }

    Reject(ResultCode code, String message, List<SeatError> seatErrors) {
        this(code, message, seatErrors, List.of());
    }

    Reject(ResultCode code, String message) {
        this(code, message, List.of());
    }

    /** The most serious of the seats' reasons wins. */
    static Reject forSeats(List<SeatError> errors, String message) {
        return forSeatsAndAreas(errors, List.of(), message);
    }

    /** The most serious reason of any seat or area wins ({@link ResultCode#precedence()}). */
    static Reject forSeatsAndAreas(List<SeatError> seats, List<AreaError> areas, String message) {
        ResultCode worst = java.util.stream.Stream.concat(seats.stream().map(SeatError::reason),
                areas.stream().map(AreaError::reason)).min(java.util.Comparator.comparingInt(ResultCode::precedence))
                .orElseThrow();
        return new Reject(worst, message, seats, areas);
    }
}
