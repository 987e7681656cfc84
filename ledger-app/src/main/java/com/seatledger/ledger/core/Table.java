package com.seatledger.ledger.core;

import java.util.function.BiPredicate;

/** The one store shape the rules need: a sorted key-value table with string keys. */
public interface Table<V> {

    V get(String key);

    void put(String key, V value);

    void delete(String key);

    /** Visits entries with {@code from <= key < to} in key order until the visitor returns false. */
    void scan(String from, String to, BiPredicate<String, V> visitor);

    /** Visits every entry whose key starts with {@code prefix}. */
    default void scanPrefix(String prefix, BiPredicate<String, V> visitor) {
        scan(prefix, prefix + Character.MAX_VALUE, visitor);
    }
}
