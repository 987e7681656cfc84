package com.seatledger.topics.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One seat of a show's layout; {@code number} is its position in the row. {@code attributes} are ids
 * with the seat id grammar; {@link SeatAttributes} names the ones the ledger gives meaning to.
 */
public record SeatDef(String seatId, String section, String row, Integer number, String category,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> attributes) {

    public SeatDef {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** A seat without attributes. */
    public SeatDef(String seatId, String section, String row, Integer number, String category) {
        this(seatId, section, row, number, category, List.of());
    }
}
