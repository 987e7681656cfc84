package com.seatledger.api.web;

import java.time.Instant;
import java.util.List;

import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.ChannelDef;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.SeatDef;

/** Request bodies of the REST API (docs/api.md). Fields are checked by the command they become (CommandValidation). */
public final class Requests {

    public record CreateShow(String showId, String name, Instant startsAt, List<SeatDef> seats, List<AreaDef> areas,
            Policy policy, List<ChannelDef> channels) {
    }

    /** Seats and places into a channel (or the pool); {@code name} names a new channel or renames one. */
    public record Assign(String name, List<String> seatIds, List<AreaQuantity> areas) {
    }

    public record Hold(List<String> seatIds, BestAvailable bestAvailable, List<AreaQuantity> areas, Integer ttlSeconds,
            String replacesHoldId) {
    }

    public record Extend(Integer ttlSeconds) {
    }

    public record Confirm(String orderId) {
    }

    public record Sale(List<String> seatIds, List<AreaQuantity> areas, String orderId) {
    }

    public record Block(List<String> seatIds, List<AreaQuantity> areas, String reason) {
    }

    public record Unblock(List<String> seatIds, List<AreaQuantity> areas) {
    }

    public record Archive(String reason) {
    }

    /** A list the client gave, or null for one it left out or sent empty (generated clients send [] for "none"). */
    static <T> List<T> given(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private Requests() {
    }
}
