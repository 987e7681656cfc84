package com.seatledger.ledger.core;

import java.util.function.IntPredicate;

/**
 * 64-bit hashes of recent command ids, each pointing at the batch that holds its record: an
 * open-addressing table of primitives (12 bytes a slot), so a day of an on-sale's commands costs
 * megabytes, not the objects of a {@code HashMap}, and a command never seen before costs no store read.
 */
final class IdIndex {

    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int size;

    int size() {
        return size;
    }

    /** The batch of {@code hash}, or -1. */
    int get(long hash) {
        long k = nonZero(hash);
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return values[i];
            }
            if (keys[i] == 0) {
                return -1;
            }
        }
    }

    void put(long hash, int batch) {
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2, b -> true);
        }
        insert(nonZero(hash), batch);
    }

    /** Drops every entry whose batch fails {@code keep}. */
    void retain(IntPredicate keep) {
        int capacity = keys.length;
        while (capacity > (1 << 12) && size * 8 < capacity) {
            capacity >>= 1;
        }
        rehash(capacity, keep);
    }

    private void insert(long k, int batch) {
        int mask = keys.length - 1;
        int i = slot(k, mask);
        while (keys[i] != 0 && keys[i] != k) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        keys[i] = k;
        values[i] = batch;
    }

    private void rehash(int capacity, IntPredicate keep) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[capacity];
        values = new int[capacity];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0 && keep.test(oldValues[i])) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static long nonZero(long hash) {
        return hash == 0 ? 1 : hash;
    }

    private static int slot(long k, int mask) {
        return (int) (k ^ (k >>> 32)) & mask;
    }
}
