package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Policy;

/** A show's small, hot metadata: everything but the seats (those have their own rows). */
public record ShowRecord(String showId, String name, Instant startsAt, Policy policy, long seq,
        Map<String, Availability> availability) {

    public ShowRecord {
        availability = new TreeMap<>(availability);
    }

    public ShowRecord next(Map<String, Availability> newAvailability) {
        return new ShowRecord(showId, name, startsAt, policy, seq + 1, newAvailability);
    }
}
