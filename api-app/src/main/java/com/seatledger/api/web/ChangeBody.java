package com.seatledger.api.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Answer of the box-office commands: what changed, and the event's seq. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeBody(String showId, Long seq, String orderId, List<String> seatIds) {
}
