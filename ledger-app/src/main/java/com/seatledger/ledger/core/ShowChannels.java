package com.seatledger.ledger.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.seatledger.topics.message.AreaQuota;
import com.seatledger.topics.message.Channel;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.SeatStatus;

/**
 * One show's sales channels (allocations): which channel owns each seat, and how many places of each
 * area each channel owns as its quota. Channel 0 is the public pool, what no channel owns. A channel
 * is never removed, so its index is stable: the store keeps indexes, not ids (see {@link Codec}).
 */
final class ShowChannels {

    private static final int STATUSES = ShowState.STATUSES.length;

    private final List<String> ids = new ArrayList<>(List.of(""));
    private final List<String> names = new ArrayList<>(List.of(""));
    private final Map<String, Integer> index = new HashMap<>();
    /** Each seat's channel (0: the pool); moved by ASSIGN_CHANNEL only, whatever the seat's status. */
    final short[] seatChannel;
    /** [area][channel][status]: the places each channel owns; null for an area no channel has a quota of. */
    final int[][][] quota;
    private final String[] areaIds;
    /** The show's [area][status] counts over all pools: the pool's share is what no channel owns. */
    private final int[][] areaCounts;

    ShowChannels(int seats, String[] areaIds, int[][] areaCounts) {
        this.seatChannel = new short[seats];
        this.quota = new int[areaIds.length][][];
        this.areaIds = areaIds;
        this.areaCounts = areaCounts;
    }

    /** The channel's index (0: the pool, for a null id), or -1 when the show has no such channel. */
    int indexOf(String channelId) {
        if (channelId == null) {
            return 0;
        }
        Integer c = index.get(channelId);
        return c == null ? -1 : c;
    }

    /** The channel's id; null for the pool. */
    String id(int channel) {
        return channel == 0 ? null : ids.get(channel);
    }

    String name(int channel) {
        return names.get(channel);
    }

    /** How many channels there are, the pool included: the index the next new channel gets. */
    int count() {
        return ids.size();
    }

    boolean any() {
        return ids.size() > 1;
    }

    int of(int seat) {
        return seatChannel[seat];
    }

    /** Whether the command's actor may hold or buy what channel {@code channel} owns. */
    boolean mayUse(Command c, int channel) {
        return c.mayBuyFrom(id(channel));
    }

    /** Adds a channel (the next index) or renames one; returns its index. */
    int define(String channelId, String name) {
        Integer known = index.get(channelId);
        if (known != null) {
            if (name != null) {
                names.set(known, name);
            }
            return known;
        }
        ids.add(channelId);
        names.add(name == null ? channelId : name);
        index.put(channelId, ids.size() - 1);
        return ids.size() - 1;
    }

    /** Moves the seat into channel {@code to}; returns the channel it was in. */
    int assign(int seat, int to) {
        int from = seatChannel[seat];
        seatChannel[seat] = (short) to;
        return from;
    }

    /** The places of an area that channel {@code channel} (not the pool) owns, by status; made on first use. */
    int[] quotaOf(int area, int channel) {
        int[][] q = quota[area];
        if (q == null || q.length <= channel) {
            int[][] grown = new int[ids.size()][];
            for (int c = 0; c < grown.length; c++) {
                grown[c] = q != null && c < q.length ? q[c] : new int[STATUSES];
            }
            quota[area] = q = grown;
        }
        return q[channel];
    }

    /** Places of the area in {@code status} that channel {@code channel} owns (0: the pool, what no channel owns). */
    int places(int area, int channel, SeatStatus status) {
        int st = status.ordinal();
        int[][] q = quota[area];
        if (channel != 0) {
            return q == null || q.length <= channel ? 0 : q[channel][st];
        }
        int pool = areaCounts[area][st];
        for (int c = 1; q != null && c < q.length; c++) {
            pool -= q[c][st];
        }
        return pool;
    }

    /** Places of a channel's quota (none for the pool: it owns what is left) change status. */
    void movePlaces(int area, int channel, int quantity, SeatStatus from, SeatStatus to) {
        if (channel != 0) {
            int[] q = quotaOf(area, channel);
            q[from.ordinal()] -= quantity;
            q[to.ordinal()] += quantity;
        }
    }

    /** AVAILABLE places of an area from one channel's quota (or the pool) to another's. */
    void moveQuota(int area, int from, int to, int quantity) {
        if (places(area, from, SeatStatus.AVAILABLE) < quantity) {
            throw new IllegalStateException("area " + areaIds[area] + " has fewer than " + quantity
                    + " places to move from channel " + from);
        }
        if (from != 0) {
            quotaOf(area, from)[0] -= quantity;
        }
        if (to != 0) {
            quotaOf(area, to)[0] += quantity;
        }
    }

    AreaQuota areaQuota(int area, int channel) {
        int[] k = quotaOf(area, channel);
        return new AreaQuota(areaIds[area], ids.get(channel), k[0], k[1], k[2], k[3]);
    }

    /** Every channel's quota of every area, for snapshots. */
    List<AreaQuota> quotas() {
        List<AreaQuota> out = new ArrayList<>();
        for (int a = 0; a < quota.length; a++) {
            for (int c = 1; quota[a] != null && c < quota[a].length; c++) {
                out.add(areaQuota(a, c));
            }
        }
        return out;
    }

    /** The channels, the pool not among them. */
    List<Channel> list() {
        List<Channel> out = new ArrayList<>(ids.size() - 1);
        for (int c = 1; c < ids.size(); c++) {
            out.add(new Channel(ids.get(c), names.get(c)));
        }
        return out;
    }

    /** Restores a checkpoint's channels (after the pool), each seat's channel and each area's quotas. */
    void restore(List<Channel> channels, short[] seatChannels, int[][][] quotas) {
        channels.forEach(ch -> define(ch.channelId(), ch.name()));
        System.arraycopy(seatChannels, 0, seatChannel, 0, seatChannels.length);
        System.arraycopy(quotas, 0, quota, 0, quotas.length);
    }
}
