package com.seatledger.ledger.core;

/**
 * seatId to seat index, as an open-addressing table of ints over the layout's id array: a
 * 100,000-seat show costs 1 MB here instead of the ~5 MB of a HashMap of boxed entries.
 */
final class SeatIds {

    private final String[] ids;
    /** index + 1 per slot, 0 = empty; at most half full. */
    private final int[] slots;
    private final int mask;

    SeatIds(String[] ids) {
        this.ids = ids;
        int size = Integer.highestOneBit(Math.max(4, ids.length * 2) - 1) << 1;
        slots = new int[size];
        mask = size - 1;
        for (int i = 0; i < ids.length; i++) {
            int p = slot(ids[i]);
            while (slots[p] != 0) {
                p = (p + 1) & mask;
            }
            slots[p] = i + 1;
        }
    }

    int of(String id) {
        int p = slot(id);
        while (slots[p] != 0) {
            int i = slots[p] - 1;
            if (ids[i].equals(id)) {
                return i;
            }
            p = (p + 1) & mask;
        }
        return -1;
    }

    private int slot(String id) {
        int h = id.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
