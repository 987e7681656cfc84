package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** SELL: box office sale of available seats straight to {@code orderId}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SellSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
        List<String> seatIds, String orderId, List<AreaQuantity> areas, List<String> channels)
        implements CarriesChannels {

    /** Without the actor's channels (an actor of none, or a producer that does not carry them). */
    public SellSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            List<String> seatIds, String orderId, List<AreaQuantity> areas) {
        this(commandId, showId, actor, roles, issuedAt, seatIds, orderId, areas, null);
    }

    /** Seats only. */
    public SellSeats(String commandId, String showId, String actor, List<String> roles, Instant issuedAt,
            List<String> seatIds, String orderId) {
        this(commandId, showId, actor, roles, issuedAt, seatIds, orderId, null, null);
    }

    @Override
    @JsonIgnore
    public List<AreaQuantity> places() {
        return areas == null ? List.of() : areas;
    }

    @Override
    public CommandType type() {
        return CommandType.SELL;
    }
}
