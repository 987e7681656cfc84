package com.seatledger.ledger.core;

import java.util.Arrays;

/**
 * A show's values that may be larger than a Kafka record (a 100,000-seat layout is ~1.3 MB, the
 * changelog topic allows 2 MB records): stored deflated ({@link StoreFormat#deflated}) and split into
 * chunks {@code prefix + showId + "|0000"}, {@code "|0001"}, ... Each chunk is its format version, the
 * number of chunks and its part of the value.
 */
final class Blobs {

    static final int CHUNK = 256 * 1024;
    /** The key suffix of a blob's first chunk (the one that says how many there are). */
    static final String FIRST = "|0000";

    private final LedgerStore store;

    Blobs(LedgerStore store) {
        this.store = store;
    }

    /** Writes {@code raw} and deletes chunks left from a longer old value; returns the chunks written. */
    int put(String prefix, String showId, Bin.Out raw, int oldChunks) {
        byte[] data = StoreFormat.deflated(raw);
        int n = Math.max(1, (data.length + CHUNK - 1) / CHUNK);
        for (int i = 0; i < n; i++) {
            int from = i * CHUNK;
            int to = Math.min(data.length, from + CHUNK);
            Bin.Out chunk = new Bin.Out(to - from + 8).b(raw.version()).u(n);
            chunk.raw(Arrays.copyOfRange(data, from, to));
            store.put(key(prefix, showId, i), chunk.toBytes());
        }
        delete(prefix, showId, n, oldChunks);
        return n;
    }

    Bin.In get(String prefix, String showId) {
        Bin.In first = chunk(key(prefix, showId, 0));
        int n = first.i();
        Bin.Out all = new Bin.Out(n * CHUNK);
        all.raw(first.rest());
        for (int i = 1; i < n; i++) {
            Bin.In next = chunk(key(prefix, showId, i));
            next.u();
            all.raw(next.rest());
        }
        return StoreFormat.read(prefix + showId, all.toBytes());
    }

    /** How many chunks the stored blob has. */
    int chunks(String prefix, String showId) {
        return chunk(key(prefix, showId, 0)).i();
    }

    /** Deletes chunks {@code from..to-1}. */
    void delete(String prefix, String showId, int from, int to) {
        for (int i = from; i < to; i++) {
            store.delete(key(prefix, showId, i));
        }
    }

    /** A chunk's value, read up to its part (the chunk count comes next). */
    private Bin.In chunk(String key) {
        byte[] stored = store.get(key);
        StoreFormat.checkVersion(key, stored);
        Bin.In in = new Bin.In(stored);
        in.b();
        return in;
    }

    static String key(String prefix, String showId, int chunk) {
        return prefix + showId + '|' + Journal.hex(chunk, 4);
    }
}
