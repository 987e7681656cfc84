package com.seatledger.ledger.core;

import java.time.Instant;

/**
 * Store keys. Ids cannot contain '/' or '|', so "show/id" keys group a show's rows under one
 * prefix, and time keys ("zero-padded millis|ref") sort by time.
 */
public final class Keys {

    public static String of(String showId, String id) {
        return showId + '/' + id;
    }

    public static String showPrefix(String showId) {
        return showId + '/';
    }

    public static String idOf(String key) {
        return key.substring(key.indexOf('/') + 1);
    }

    public static String showOf(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    public static String due(Instant at, String ref) {
        return String.format("%015d|%s", at.toEpochMilli(), ref);
    }

    /** The first time key after every entry due at or before {@code at}. */
    public static String dueAfter(Instant at) {
        return String.format("%015d", at.toEpochMilli() + 1);
    }

    public static long dueMillis(String dueKey) {
        return Long.parseLong(dueKey.substring(0, dueKey.indexOf('|')));
    }

    private Keys() {
    }
}
