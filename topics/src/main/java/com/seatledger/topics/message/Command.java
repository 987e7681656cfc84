package com.seatledger.topics.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A request to change seat state, on {@code seat-commands}. {@code commandId} is the
 * idempotency key; {@code actor} and {@code roles} come from the caller's authentication.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CreateShow.class, name = "CREATE_SHOW"),
        @JsonSubTypes.Type(value = HoldSeats.class, name = "HOLD"),
        @JsonSubTypes.Type(value = ExtendHold.class, name = "EXTEND_HOLD"),
        @JsonSubTypes.Type(value = ReleaseHold.class, name = "RELEASE_HOLD"),
        @JsonSubTypes.Type(value = ConfirmHold.class, name = "CONFIRM_HOLD"),
        @JsonSubTypes.Type(value = SellSeats.class, name = "SELL"),
        @JsonSubTypes.Type(value = CancelOrder.class, name = "CANCEL_ORDER"),
        @JsonSubTypes.Type(value = BlockSeats.class, name = "BLOCK"),
        @JsonSubTypes.Type(value = UnblockSeats.class, name = "UNBLOCK"),
        @JsonSubTypes.Type(value = ArchiveShow.class, name = "ARCHIVE_SHOW"),
        @JsonSubTypes.Type(value = AssignChannel.class, name = "ASSIGN_CHANNEL")})
public sealed interface Command permits CreateShow, CarriesChannels {

    String ADMIN_ROLE = "admin";

    String commandId();

    String showId();

    String actor();

    List<String> roles();

    Instant issuedAt();

    @JsonIgnore
    CommandType type();

    /** The general-admission places the command names (hold, sale, block, unblock); never null. */
    @JsonIgnore
    default List<AreaQuantity> places() {
        return List.of();
    }

    /**
     * The sales channels the actor may buy from besides the public pool (its token's claim), as the
     * command's {@code channels} member ({@link CarriesChannels}); only a HOLD is decided by them. Never null.
     */
    @JsonIgnore
    default List<String> buyerChannels() {
        return List.of();
    }

    /** Whether the actor may hold or buy what channel {@code channelId} owns (null: the public pool, anyone). */
    default boolean mayBuyFrom(String channelId) {
        return channelId == null || isAdmin() || buyerChannels().contains(channelId);
    }

    @JsonIgnore
    default boolean isAdmin() {
        return roles() != null && roles().contains(ADMIN_ROLE);
    }
}
