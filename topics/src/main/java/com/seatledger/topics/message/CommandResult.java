package com.seatledger.topics.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Exactly one per command, on {@code seat-command-results}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResult(String commandId, String showId, CommandType type, Outcome outcome, ResultCode code,
        String message, Long seq, boolean duplicate, Hold hold, String orderId, List<SeatError> seatErrors,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaError> areaErrors) {

    public CommandResult {
        seatErrors = seatErrors == null ? List.of() : List.copyOf(seatErrors);
        areaErrors = areaErrors == null ? List.of() : List.copyOf(areaErrors);
    }

    /** A result without area errors. */
    public CommandResult(String commandId, String showId, CommandType type, Outcome outcome, ResultCode code,
            String message, Long seq, boolean duplicate, Hold hold, String orderId, List<SeatError> seatErrors) {
        this(commandId, showId, type, outcome, code, message, seq, duplicate, hold, orderId, seatErrors, List.of());
    }

    public static CommandResult rejected(String commandId, String showId, CommandType type, ResultCode code,
            String message, List<SeatError> seatErrors) {
        return rejected(commandId, showId, type, code, message, seatErrors, List.of());
    }

    public static CommandResult rejected(String commandId, String showId, CommandType type, ResultCode code,
            String message, List<SeatError> seatErrors, List<AreaError> areaErrors) {
        return new CommandResult(commandId, showId, type, Outcome.REJECTED, code, message, null, false, null, null,
                seatErrors, areaErrors);
    }

    public CommandResult asDuplicate() {
        return new CommandResult(commandId, showId, type, outcome, code, message, seq, true, hold, orderId,
                seatErrors, areaErrors);
    }
}
