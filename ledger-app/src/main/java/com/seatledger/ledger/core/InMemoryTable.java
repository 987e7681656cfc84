package com.seatledger.ledger.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/** A {@link Table} over a TreeMap: the rules' tests and models run on it without Kafka. */
public final class InMemoryTable<V> implements Table<V> {

    private final TreeMap<String, V> map = new TreeMap<>();

    @Override
    public V get(String key) {
        return map.get(key);
    }

    @Override
    public void put(String key, V value) {
        map.put(key, value);
    }

    @Override
    public void delete(String key) {
        map.remove(key);
    }

    @Override
    public void scan(String from, String to, BiPredicate<String, V> visitor) {
        // a copy, so a visitor may not trip over its own writes (RocksDB iterators are snapshots too)
        List<Map.Entry<String, V>> entries = new ArrayList<>(map.subMap(from, true, to, false).entrySet());
        for (Map.Entry<String, V> e : entries) {
            if (!visitor.test(e.getKey(), e.getValue())) {
                return;
            }
        }
    }
}
