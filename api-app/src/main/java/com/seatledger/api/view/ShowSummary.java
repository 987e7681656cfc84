package com.seatledger.api.view;

import java.time.Instant;
import java.util.Map;

import com.seatledger.topics.message.Availability;

/** One entry of {@code GET /api/shows}. */
public record ShowSummary(String showId, String name, Instant startsAt, Map<String, Availability> availability) {
}
