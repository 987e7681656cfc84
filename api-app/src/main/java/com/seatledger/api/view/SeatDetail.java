package com.seatledger.api.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.seatledger.topics.message.SeatStatus;

/** One seat as the box office looks it up: its place, its status, and who holds or bought it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatDetail(String seatId, String section, String row, int number, String category, SeatStatus status,
        String holdId, String actor, String orderId) {
}
