package com.seatledger.ledger.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/** A {@link LedgerStore} over a TreeMap: the rules' tests, models and the benchmark's oracle run on it. */
public final class MemoryStore implements LedgerStore {

    private final TreeMap<String, byte[]> map = new TreeMap<>();
    private long writes;

    @Override
    public byte[] get(String key) {
        return map.get(key);
    }

    @Override
    public void put(String key, byte[] value) {
        writes++;
        map.put(key, value);
    }

    @Override
    public void delete(String key) {
        writes++;
        map.remove(key);
    }

    @Override
    public void scan(String from, String to, BiPredicate<String, byte[]> visitor) {
        // a copy, so a visitor may write while it scans (RocksDB iterators are snapshots too)
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(map.subMap(from, true, to, false).entrySet());
        for (Map.Entry<String, byte[]> e : entries) {
            if (!visitor.test(e.getKey(), e.getValue())) {
                return;
            }
        }
    }

    /** Puts and deletes so far. */
    public long writes() {
        return writes;
    }

    /** Keys starting with {@code prefix}. */
    public int count(String prefix) {
        return map.subMap(prefix, prefix + '\uffff').size();
    }

    public int size() {
        return map.size();
    }

    public long bytes() {
        return map.entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().length).sum();
    }
}
