package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * HOLD: either {@code seatIds} or {@code bestAvailable}, never both. {@code channels}: the sales
 * channels the actor may buy from (from its token), besides the public pool.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        String holdId, List<String> seatIds, BestAvailable bestAvailable, Integer ttlSeconds, String replacesHoldId,
        List<AreaQuantity> areas, List<String> channels) implements CarriesChannels {

    /** A hold by an actor of no channel. */
    public HoldSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            String holdId, List<String> seatIds, BestAvailable bestAvailable, Integer ttlSeconds,
            String replacesHoldId, List<AreaQuantity> areas) {
        this(commandId, showId, actor, roles, issuedAt, holdId, seatIds, bestAvailable, ttlSeconds, replacesHoldId,
                areas, null);
    }

    /** A hold of seats only. */
    public HoldSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            String holdId, List<String> seatIds, BestAvailable bestAvailable, Integer ttlSeconds,
            String replacesHoldId) {
        this(commandId, showId, actor, roles, issuedAt, holdId, seatIds, bestAvailable, ttlSeconds, replacesHoldId,
                null);
    }

    @Override
    @JsonIgnore
    public List<AreaQuantity> places() {
        return areas == null ? List.of() : areas;
    }

    @Override
    public CommandType type() {
        return CommandType.HOLD;
    }
}
