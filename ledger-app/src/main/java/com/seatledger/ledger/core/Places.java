package com.seatledger.ledger.core;

import java.util.ArrayList;
import java.util.List;

import com.seatledger.topics.message.AreaQuantity;

/**
 * General-admission places held, sold or named: how many of each area (area indexes of the show).
 * Places have no identity, so a hold or an order keeps counts, not seats.
 */
record Places(int[] areas, int[] quantities) {

    static final Places NONE = new Places(new int[0], new int[0]);

    boolean isEmpty() {
        return areas.length == 0;
    }

    int size() {
        return areas.length;
    }

    int total() {
        int n = 0;
        for (int q : quantities) {
            n += q;
        }
        return n;
    }

    /** Places of {@code area} in here (0 when none). */
    int of(int area) {
        for (int i = 0; i < areas.length; i++) {
            if (areas[i] == area) {
                return quantities[i];
            }
        }
        return 0;
    }

    List<AreaQuantity> toWire(ShowState show) {
        List<AreaQuantity> out = new ArrayList<>(areas.length);
        for (int i = 0; i < areas.length; i++) {
            out.add(new AreaQuantity(show.areaIds[areas[i]], quantities[i]));
        }
        return out;
    }

    void write(Bin.Out out) {
        out.u(areas.length);
        for (int i = 0; i < areas.length; i++) {
            out.u(areas[i]).u(quantities[i]);
        }
    }

    static Places read(Bin.In in) {
        int n = in.i();
        if (n == 0) {
            return NONE;
        }
        int[] areas = new int[n];
        int[] quantities = new int[n];
        for (int i = 0; i < n; i++) {
            areas[i] = in.i();
            quantities[i] = in.i();
        }
        return new Places(areas, quantities);
    }
}
