package com.seatledger.ledger.core;

import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The one store the ledger writes: sorted string keys, binary values. In Kafka Streams it is the
 * task's RocksDB store (changelogged, committed with the outputs under exactly-once); in tests and
 * the benchmark's oracle it is {@link MemoryStore}. See {@link Journal} for what lives in it.
 */
public interface LedgerStore {

    byte[] get(String key);

    void put(String key, byte[] value);

    /**
     * Puts what {@code value} returns, now or at the latest before the store commits, and before
     * any read of the key: for a record rewritten by every command, whose caller announces it again
     * after each change ({@link PendingPuts} holds it back; a plain store puts it at once). A later
     * {@link #put} or {@link #delete} of the key replaces it.
     */
    default void putLater(String key, Supplier<byte[]> value) {
        put(key, value.get());
    }

    void delete(String key);

    /** Visits entries with {@code from <= key < to} in key order until the visitor returns false. */
    void scan(String from, String to, BiPredicate<String, byte[]> visitor);
}
