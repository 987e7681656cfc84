package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.seatledger.topics.message.AreaCounts;
import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Channel;
import com.seatledger.topics.message.ChannelDef;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.SeatAttributes;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowArea;
import com.seatledger.topics.message.ShowSeat;

/**
 * One show's working state, in memory: the layout as arrays indexed by seat (its position in the
 * CREATE command), each seat's status and owner, the holds, orders and per-actor counts, and the
 * best-available/orphan index. Decisions read it; {@link #apply} is the only writer.
 */
final class ShowState {

    static final SeatStatus[] STATUSES = SeatStatus.values();

    // the layout: fixed at CREATE
    final String showId;
    final String name;
    final Instant startsAt;
    final Policy policy;
    final String[] seatIds;
    final int[] numbers;
    final int[] rowOf;
    final short[] categoryOf;
    /** Category names in sorted order (the availability map's order). */
    final String[] categories;
    final String[] rowSections;
    final String[] rowNames;
    private final SeatIds index;
    // general-admission areas: places as counts, no identities
    final String[] areaIds;
    final String[] areaNames;
    final short[] areaCategory;
    final int[] capacity;
    private final Map<String, Integer> areaIndex = new HashMap<>();
    // seat attributes: each seat's set of them, as an index into the show's distinct sets
    /** The distinct attribute sets of the layout; set 0 is the empty one. */
    final String[][] attributeSets;
    /** Per set: the attributes best available treats apart ({@link #WHEELCHAIR} and so on). */
    final byte[] attributeFlags;
    /** Each seat's set; null when no seat has attributes. */
    final short[] attributesOf;
    static final byte WHEELCHAIR = 1;
    static final byte COMPANION = 2;
    static final byte RESTRICTED_VIEW = 4;

    /** Which channel owns each seat and each channel's quota of each area. */
    final ShowChannels channels;

    // the state
    final byte[] status;
    final HoldRec[] holdOf;
    final OrderRec[] orderOf;
    private final int[][] counts;
    /** [area][status]: places by status; each row adds up to the area's capacity. */
    final int[][] areaCounts;
    final Map<String, HoldRec> holds = new HashMap<>();
    /** The active ones of {@link #holds}: a snapshot pass copies these, not the show's whole history of holds. */
    final Map<String, HoldRec> active = new HashMap<>();
    final Map<String, OrderRec> orders = new HashMap<>();
    final Map<String, Integer> heldBy = new HashMap<>();
    long seq;
    final SeatMap map;

    ShowState(String showId, String name, Instant startsAt, Policy policy, List<SeatDef> seats, List<AreaDef> areas) {
        this.showId = showId;
        this.name = name;
        this.startsAt = startsAt;
        this.policy = policy;
        int n = seats.size();
        seatIds = new String[n];
        numbers = new int[n];
        rowOf = new int[n];
        categoryOf = new short[n];
        TreeSet<String> cats = new TreeSet<>();
        seats.forEach(s -> cats.add(s.category()));
        areas.forEach(a -> cats.add(a.category()));
        categories = cats.toArray(String[]::new);
        Map<String, Integer> catIndex = new HashMap<>();
        for (int i = 0; i < categories.length; i++) {
            catIndex.put(categories[i], i);
        }
        // rows front to back in the order they first appear
        Map<String, Integer> rows = new LinkedHashMap<>();
        List<String> sections = new ArrayList<>();
        List<String> rowNameList = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SeatDef s = seats.get(i);
            seatIds[i] = s.seatId();
            numbers[i] = s.number();
            categoryOf[i] = (short) (int) catIndex.get(s.category());
            rowOf[i] = rows.computeIfAbsent(s.section() + '\u0000' + s.row(), k -> {
                sections.add(s.section());
                rowNameList.add(s.row());
                return sections.size() - 1;
            });
        }
        rowSections = sections.toArray(String[]::new);
        rowNames = rowNameList.toArray(String[]::new);
        index = new SeatIds(seatIds);
        Map<List<String>, Integer> sets = new LinkedHashMap<>();
        sets.put(List.of(), 0);
        short[] setOf = null;
        for (int i = 0; i < n; i++) {
            List<String> attributes = seats.get(i).attributes();
            if (!attributes.isEmpty()) {
                setOf = setOf == null ? new short[n] : setOf;
                setOf[i] = (short) (int) sets.computeIfAbsent(attributes, k -> sets.size());
            }
        }
        attributesOf = setOf;
        attributeSets = sets.keySet().stream().map(l -> l.toArray(String[]::new)).toArray(String[][]::new);
        attributeFlags = new byte[attributeSets.length];
        for (int k = 0; k < attributeSets.length; k++) {
            for (String a : attributeSets[k]) {
                attributeFlags[k] |= switch (a) {
                    case SeatAttributes.WHEELCHAIR -> WHEELCHAIR;
                    case SeatAttributes.COMPANION -> COMPANION;
                    case SeatAttributes.RESTRICTED_VIEW -> RESTRICTED_VIEW;
                    default -> 0;
                };
            }
        }
        status = new byte[n];
        holdOf = new HoldRec[n];
        orderOf = new OrderRec[n];
        counts = new int[categories.length][STATUSES.length];
        for (int i = 0; i < n; i++) {
            counts[categoryOf[i]][SeatStatus.AVAILABLE.ordinal()]++;
        }
        int m = areas.size();
        areaIds = new String[m];
        areaNames = new String[m];
        areaCategory = new short[m];
        capacity = new int[m];
        areaCounts = new int[m][STATUSES.length];
        for (int a = 0; a < m; a++) {
            AreaDef d = areas.get(a);
            areaIds[a] = d.areaId();
            areaNames[a] = d.name();
            areaCategory[a] = (short) (int) catIndex.get(d.category());
            capacity[a] = d.capacity();
            areaCounts[a][SeatStatus.AVAILABLE.ordinal()] = d.capacity();
            counts[areaCategory[a]][SeatStatus.AVAILABLE.ordinal()] += d.capacity();
            areaIndex.put(d.areaId(), a);
        }
        channels = new ShowChannels(n, areaIds, areaCounts);
        map = new SeatMap(this);
    }

    /** The channels CREATE_SHOW sets up: their seats and their quotas of AVAILABLE places. */
    void setUpChannels(List<ChannelDef> defs) {
        for (ChannelDef d : defs) {
            int c = channels.define(d.channelId(), d.name());
            for (String seatId : d.seatIds()) {
                channels.assign(seat(seatId), c);
            }
            for (AreaQuantity a : d.areas()) {
                channels.quotaOf(area(a.areaId()), c)[0] += a.quantity();
            }
        }
        map.rebuild();
    }

    /** The seat's attribute set (an index into {@link #attributeSets}). */
    int attributesOf(int seat) {
        return attributesOf == null ? 0 : attributesOf[seat];
    }

    /** The seat's index, or -1 when the show has no such seat. */
    int seat(String seatId) {
        return index.of(seatId);
    }

    /** The area's index, or -1 when the show has no such area. */
    int area(String areaId) {
        Integer a = areaIndex.get(areaId);
        return a == null ? -1 : a;
    }

    int places(int area, SeatStatus status) {
        return areaCounts[area][status.ordinal()];
    }

    AreaCounts areaCounts(int a) {
        int[] k = areaCounts[a];
        return new AreaCounts(areaIds[a], k[0], k[1], k[2], k[3]);
    }

    List<AreaDef> areaLayout() {
        List<AreaDef> out = new ArrayList<>(areaIds.length);
        for (int a = 0; a < areaIds.length; a++) {
            out.add(new AreaDef(areaIds[a], areaNames[a], categories[areaCategory[a]], capacity[a]));
        }
        return out;
    }

    List<ShowArea> areas() {
        List<ShowArea> out = new ArrayList<>(areaIds.length);
        for (int a = 0; a < areaIds.length; a++) {
            int[] k = areaCounts[a];
            out.add(new ShowArea(areaIds[a], areaNames[a], categories[areaCategory[a]], capacity[a], k[0], k[1], k[2],
                    k[3]));
        }
        return out;
    }

    SeatStatus statusOf(int seat) {
        return STATUSES[status[seat]];
    }

    boolean available(int seat) {
        return status[seat] == 0;
    }

    int categoryIndex(String category) {
        for (int i = 0; i < categories.length; i++) {
            if (categories[i].equals(category)) {
                return i;
            }
        }
        return -1;
    }

    int heldBy(String actor) {
        return heldBy.getOrDefault(actor, 0);
    }

    Map<String, Availability> availability() {
        Map<String, Availability> out = new TreeMap<>();
        for (int c = 0; c < categories.length; c++) {
            int[] k = counts[c];
            out.put(categories[c], new Availability(k[0], k[1], k[2], k[3]));
        }
        return out;
    }

    List<SeatDef> layout() {
        List<SeatDef> out = new ArrayList<>(seatIds.length);
        for (int i = 0; i < seatIds.length; i++) {
            out.add(new SeatDef(seatIds[i], rowSections[rowOf[i]], rowNames[rowOf[i]], numbers[i],
                    categories[categoryOf[i]], List.of(attributeSets[attributesOf(i)])));
        }
        return out;
    }

    List<ShowSeat> seats() {
        return seats(status, channels.seatChannel);
    }

    /**
     * The seats with the statuses and channels in {@code statuses} and {@code seatChannels} (copies taken
     * earlier, see {@link ShowSnapshots}; {@code seatChannels} null: every seat is the pool's).
     */
    List<ShowSeat> seats(byte[] statuses, short[] seatChannels) {
        List<ShowSeat> out = new ArrayList<>(seatIds.length);
        for (int i = 0; i < seatIds.length; i++) {
            out.add(new ShowSeat(seatIds[i], rowSections[rowOf[i]], rowNames[rowOf[i]], numbers[i],
                    categories[categoryOf[i]], STATUSES[statuses[i]], seatChannels == null ? null : channels.id(seatChannels[i]),
                    List.of(attributeSets[attributesOf(i)])));
        }
        return out;
    }

    /** Makes a complete {@link Change} true. Bumps seq by one: every change is one event. */
    void apply(Change c, java.util.function.IntConsumer beforeSeatMove) {
        if (c.closed != null) {
            HoldRec h = c.closed;
            for (int s : h.seats) {
                if (holdOf[s] == h) {
                    holdOf[s] = null;
                }
            }
            addHeld(h.actor, -h.size());
            h.status = c.closedAs;
            h.seats = HoldRec.NO_SEATS;
            h.places = Places.NONE;
            active.remove(h.holdId);
        }
        for (int i = 0; i < c.moves; i++) {
            beforeSeatMove.accept(c.seats[i]);
            setStatus(c.seats[i], c.to[i]);
        }
        for (int i = 0; i < c.areaMoves; i++) {
            movePlaces(c.areaOf[i], c.areaChannel[i], c.quantityOf[i], c.areaFrom[i], c.areaTo[i]);
        }
        if (c.assignTo >= 0) {
            int to = c.assignTo == 0 ? 0 : channels.define(c.assignId, c.assignName);
            for (int i = 0; i < c.assignedCount; i++) {
                int seat = c.assigned[i];
                map.channelChanged(seat, channels.assign(seat, to));
            }
            for (int i = 0; i < c.quotaMoves; i++) {
                channels.moveQuota(c.quotaArea[i], c.quotaFrom[i], to, c.quotaQuantity[i]);
            }
        }
        if (c.opened != null) {
            HoldRec h = c.opened;
            holds.put(h.holdId, h);
            active.put(h.holdId, h);
            for (int s : h.seats) {
                holdOf[s] = h;
            }
            addHeld(h.actor, h.size());
        }
        if (c.extended != null) {
            c.extended.expiresAt = c.extendedTo;
        }
        if (c.orderAdded != null) {
            orders.put(c.orderAdded.orderId(), c.orderAdded);
            for (int s : c.orderAdded.seats()) {
                orderOf[s] = c.orderAdded;
            }
        }
        if (c.orderCancelled != null) {
            orders.computeIfPresent(c.orderCancelled, (id, o) -> o.cancel());
        }
        seq++;
    }

    private void setStatus(int seat, SeatStatus to) {
        int from = status[seat];
        int[] k = counts[categoryOf[seat]];
        k[from]--;
        k[to.ordinal()]++;
        status[seat] = (byte) to.ordinal();
        if (to != SeatStatus.HELD) {
            holdOf[seat] = null;
        }
        if (to != SeatStatus.SOLD) {
            orderOf[seat] = null;
        }
        if ((from == 0) != (to == SeatStatus.AVAILABLE)) {
            map.changed(seat);
        }
    }

    private void movePlaces(int area, int channel, int quantity, SeatStatus from, SeatStatus to) {
        int[] k = areaCounts[area];
        int[] c = counts[areaCategory[area]];
        if (channels.places(area, channel, from) < quantity) {
            throw new IllegalStateException("area " + areaIds[area] + " has " + channels.places(area, channel, from)
                    + " places " + from + (channel == 0 ? " in the pool" : " in channel " + channels.id(channel))
                    + ", not " + quantity);
        }
        k[from.ordinal()] -= quantity;
        k[to.ordinal()] += quantity;
        c[from.ordinal()] -= quantity;
        c[to.ordinal()] += quantity;
        channels.movePlaces(area, channel, quantity, from, to);
    }

    int activeHolds() {
        return active.size();
    }

    private void addHeld(String actor, int delta) {
        int n = heldBy(actor) + delta;
        if (n == 0) {
            heldBy.remove(actor);
        } else {
            heldBy.put(actor, n);
        }
    }

    /** Restores a checkpoint's seat statuses, holds and orders; owners and counts follow from them. */
    void restore(long atSeq, byte[] statuses, int[][] places, List<HoldRec> allHolds, List<OrderRec> allOrders) {
        restore(atSeq, statuses, places, allHolds, allOrders, List.of(), new short[0], new int[0][][]);
    }

    /** As {@link #restore}, with the channels (after the pool), each seat's channel and each area's quotas. */
    void restore(long atSeq, byte[] statuses, int[][] places, List<HoldRec> allHolds, List<OrderRec> allOrders,
            List<Channel> channelList, short[] seatChannels, int[][][] quotas) {
        channels.restore(channelList, seatChannels, quotas);
        seq = atSeq;
        for (int[] k : counts) {
            java.util.Arrays.fill(k, 0);
        }
        for (int i = 0; i < statuses.length; i++) {
            status[i] = statuses[i];
            counts[categoryOf[i]][statuses[i]]++;
        }
        for (int a = 0; a < areaIds.length; a++) {
            for (int st = 0; st < STATUSES.length; st++) {
                areaCounts[a][st] = places == null ? (st == 0 ? capacity[a] : 0) : places[a][st];
                counts[areaCategory[a]][st] += areaCounts[a][st];
            }
        }
        for (HoldRec h : allHolds) {
            holds.put(h.holdId, h);
            if (h.status == HoldStatus.ACTIVE) {
                active.put(h.holdId, h);
                for (int s : h.seats) {
                    holdOf[s] = h;
                }
                addHeld(h.actor, h.size());
            }
        }
        for (OrderRec o : allOrders) {
            orders.put(o.orderId(), o);
            for (int s : o.seats()) {
                orderOf[s] = o;
            }
        }
        map.rebuild();
    }
}
