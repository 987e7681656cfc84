package com.seatledger.topics.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A seat of a show's layout with its current status: one row of a seat map. {@code channel}: the
 * channel that owns it (omitted for the public pool); {@code attributes} as in the layout.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShowSeat(String seatId, String section, String row, int number, String category, SeatStatus status,
        String channel, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> attributes) {

    public ShowSeat {
        attributes = attributes == null ? List.of() : attributes;
    }

    public ShowSeat(String seatId, String section, String row, int number, String category, SeatStatus status) {
        this(seatId, section, row, number, category, status, null, List.of());
    }

    public ShowSeat withStatus(SeatStatus newStatus) {
        return new ShowSeat(seatId, section, row, number, category, newStatus, channel, attributes);
    }

    public ShowSeat withChannel(String newChannel) {
        return new ShowSeat(seatId, section, row, number, category, status, newChannel, attributes);
    }
}
