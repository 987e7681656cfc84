package com.seatledger.topics.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A command that carries the sales channels its actor may buy from, as {@code channels} (the api-app
 * copies the token's {@code channels} claim; absent: none). Every command but CREATE_SHOW, whose
 * {@code channels} are the show's channel definitions. Only a HOLD is decided by them; the others
 * carry them so that every command on the topic says with which rights its actor acted.
 */
public sealed interface CarriesChannels extends Command permits HoldSeats, ExtendHold, ReleaseHold, ConfirmHold,
        SellSeats, CancelOrder, BlockSeats, UnblockSeats, ArchiveShow, AssignChannel {

    List<String> channels();

    @Override
    @JsonIgnore
    default List<String> buyerChannels() {
        return channels() == null ? List.of() : channels();
    }
}
