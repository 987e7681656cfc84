package com.seatledger.ledger.core;

import java.util.function.BiPredicate;

/**
 * The one store the ledger writes: sorted string keys, binary values. In Kafka Streams it is the
 * task's RocksDB store (changelogged, committed with the outputs under exactly-once); in tests and
 * the benchmark's oracle it is {@link MemoryStore}. See {@link Journal} for what lives in it.
 */
public interface LedgerStore {

    byte[] get(String key);

    void put(String key, byte[] value);

    void delete(String key);

    /** Visits entries with {@code from <= key < to} in key order until the visitor returns false. */
    void scan(String from, String to, BiPredicate<String, byte[]> visitor);
}
