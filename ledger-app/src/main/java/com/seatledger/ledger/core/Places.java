package com.seatledger.ledger.core;

import java.util.ArrayList;
import java.util.List;

import com.seatledger.topics.message.AreaQuantity;

/**
 * General-admission places held, sold or named: how many of each area (area indexes of the show),
 * and from which channel's quota (0: the public pool). Places have no identity, so a hold or an
 * order keeps counts, not seats.
 */
record Places(int[] areas, int[] quantities, int[] channels) {

    static final Places NONE = new Places(new int[0], new int[0], new int[0]);

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

    /** Whether any of the places come from a channel's quota (a format-2 record). */
    boolean fromChannels() {
        for (int c : channels) {
            if (c != 0) {
                return true;
            }
        }
        return false;
    }

    /** Places of {@code area} from channel {@code channel} in here (0 when none). */
    int of(int area, int channel) {
        for (int i = 0; i < areas.length; i++) {
            if (areas[i] == area && channels[i] == channel) {
                return quantities[i];
            }
        }
        return 0;
    }

    List<AreaQuantity> toWire(ShowState show) {
        List<AreaQuantity> out = new ArrayList<>(areas.length);
        for (int i = 0; i < areas.length; i++) {
            out.add(new AreaQuantity(show.areaIds[areas[i]], quantities[i], show.channels.id(channels[i])));
        }
        return out;
    }

    /** Areas and quantities (format 1); the channels go to {@link #writeChannels}. */
    void write(Bin.Out out) {
        out.u(areas.length);
        for (int i = 0; i < areas.length; i++) {
            out.u(areas[i]).u(quantities[i]);
        }
    }

    void writeChannels(Bin.Out out) {
        for (int c : channels) {
            out.u(c);
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
        return new Places(areas, quantities, new int[n]);
    }

    /** These places with the channels {@link #writeChannels} wrote. */
    Places readChannels(Bin.In in) {
        int[] read = new int[areas.length];
        for (int i = 0; i < read.length; i++) {
            read[i] = in.i();
        }
        return new Places(areas, quantities, read);
    }
}
