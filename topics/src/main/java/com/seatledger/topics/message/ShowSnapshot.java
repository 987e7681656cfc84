package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A show's whole state at {@code seq}, on the compacted {@code seat-snapshots} topic, so a reader
 * can start from it instead of replaying all of {@code seat-status}. {@code seats} are
 * in layout order; {@code holds} are the active holds; {@code orders} the orders not cancelled; {@code channels} the show's sales channels, whose seats
 * {@code seats} name and whose area quotas {@code quotas} give.
 *
 * <p>{@code coveredUntil}: the ledger writes, in one pass, a snapshot of every show of the
 * partition that changed since its last snapshot, so every event of the partition stamped before
 * {@code coveredUntil} is inside some show's latest snapshot. A reader therefore only needs the
 * partition's events from (its highest {@code coveredUntil}) on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShowSnapshot(String showId, long seq, Instant at, Instant coveredUntil, String name,
        Instant startsAt, Policy policy, List<ShowSeat> seats, Map<String, Availability> availability,
        List<Hold> holds, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ShowArea> areas,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Order> orders,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Channel> channels,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AreaQuota> quotas) {

    public ShowSnapshot {
        seats = List.copyOf(seats);
        holds = holds == null ? List.of() : List.copyOf(holds);
        areas = areas == null ? List.of() : List.copyOf(areas);
        orders = orders == null ? List.of() : List.copyOf(orders);
        channels = channels == null ? List.of() : List.copyOf(channels);
        quotas = quotas == null ? List.of() : List.copyOf(quotas);
    }

    /** A show without channels. */
    public ShowSnapshot(String showId, long seq, Instant at, Instant coveredUntil, String name,
            Instant startsAt, Policy policy, List<ShowSeat> seats, Map<String, Availability> availability,
            List<Hold> holds, List<ShowArea> areas, List<Order> orders) {
        this(showId, seq, at, coveredUntil, name, startsAt, policy, seats, availability, holds, areas, orders,
                List.of(), List.of());
    }

    public ShowSnapshot(String showId, long seq, Instant at, Instant coveredUntil, String name,
            Instant startsAt, Policy policy, List<ShowSeat> seats, Map<String, Availability> availability,
            List<Hold> holds) {
        this(showId, seq, at, coveredUntil, name, startsAt, policy, seats, availability, holds, List.of(), List.of());
    }
}
