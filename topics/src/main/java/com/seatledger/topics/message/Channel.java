package com.seatledger.topics.message;

/** A sales channel of a show (a presale, a partner, the box office): its id and display name. */
public record Channel(String channelId, String name) {
}
