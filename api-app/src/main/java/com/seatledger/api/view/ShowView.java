package com.seatledger.api.view;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.seatledger.topics.message.AreaCounts;
import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.AreaQuota;
import com.seatledger.topics.message.ChannelDef;
import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Order;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.SeatChange;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowEvent;
import com.seatledger.topics.message.ShowArea;
import com.seatledger.topics.message.ShowSeat;
import com.seatledger.topics.message.ShowSnapshot;

/**
 * One show as seen from seat-status: seat statuses, availability, holds (active, and ended ones for
 * a while so look-ups and late commands still find their show) and the last deltas for SSE resume.
 * Not thread-safe by itself: {@link Views} applies events and readers read under the view's monitor.
 */
public final class ShowView {

    /** What one event changed, for the SSE fan-out. */
    /** What an event changed: the SSE delta (if seats moved), holds that changed, and whether the show ended. */
    public record Change(SeatsDelta delta, List<Hold> holds, boolean archived) {
    }

    private static final Comparator<Hold> OLDEST_FIRST = Comparator.comparing(Hold::createdAt)
            .thenComparing(Hold::holdId);

    private final String showId;
    private final int partition;
    private final String name;
    private final Instant startsAt;
    private final Policy policy;
    private final List<ShowSeat> layout;
    private final Map<String, Integer> index;
    private final SeatStatus[] status;
    /** Each seat's channel; null for the public pool. */
    private final String[] channelOf;
    /** Channel id to name, in the order the show got them. */
    private final Map<String, String> channels = new java.util.LinkedHashMap<>();
    /** Channel id to area id to its quota there. */
    private final Map<String, Map<String, AreaQuota>> quotas = new HashMap<>();
    /** General-admission areas in layout order, with their current counts. */
    private final ShowArea[] areas;
    private final Map<String, Integer> areaIndex = new HashMap<>();
    private Map<String, Availability> availability;
    /**
     * Written under the view's monitor by {@link #apply}; volatile so that a command waiting for its
     * seq (read-your-writes, on every command) reads it without taking the monitor: request threads
     * queued on it behind one another that was descheduled were most of a new instance's first seconds.
     */
    private volatile long seq;
    private final Map<String, Hold> holds = new HashMap<>();
    /** Orders not cancelled, and which active hold or order each seat belongs to (the box office's look-ups). */
    private final Map<String, Order> orders = new TreeMap<>();
    private final Map<String, String> holdOfSeat = new HashMap<>();
    private final Map<String, String> orderOfSeat = new HashMap<>();
    /** actor to the ids of its active holds: "my holds" costs what the actor has, not the show. */
    private final Map<String, Set<String>> activeByActor = new HashMap<>();
    private final ArrayDeque<Map.Entry<Instant, String>> ended = new ArrayDeque<>();
    private final ArrayDeque<SeatsDelta> replay = new ArrayDeque<>();
    private final int replayCapacity;
    /** Deltas after this seq are all in {@link #replay}. */
    private long replayFloor;

    private ShowView(String showId, int partition, String name, Instant startsAt, Policy policy, List<ShowSeat> seats,
            List<ShowArea> areas, long seq, Map<String, Availability> availability, int replayCapacity) {
        this.showId = showId;
        this.partition = partition;
        this.name = name;
        this.startsAt = startsAt;
        this.policy = policy;
        this.layout = seats;
        this.index = new HashMap<>(seats.size() * 2);
        this.status = new SeatStatus[seats.size()];
        this.channelOf = new String[seats.size()];
        for (int i = 0; i < seats.size(); i++) {
            index.put(seats.get(i).seatId(), i);
            status[i] = seats.get(i).status();
            channelOf[i] = seats.get(i).channel();
        }
        this.areas = areas.toArray(ShowArea[]::new);
        for (int a = 0; a < this.areas.length; a++) {
            areaIndex.put(this.areas[a].areaId(), a);
        }
        this.seq = seq;
        this.replayFloor = seq;
        this.availability = new TreeMap<>(availability);
        this.replayCapacity = replayCapacity;
    }

    public static ShowView created(ShowEvent create, int partition, int replayCapacity) {
        List<ShowSeat> seats = new ArrayList<>(create.layout().seats().size());
        Map<String, String> channelOfSeat = new HashMap<>();
        for (ChannelDef c : create.layout().channels()) {
            c.seatIds().forEach(seat -> channelOfSeat.put(seat, c.channelId()));
        }
        for (SeatDef d : create.layout().seats()) {
            seats.add(new ShowSeat(d.seatId(), d.section(), d.row(), d.number(), d.category(), SeatStatus.AVAILABLE,
                    channelOfSeat.get(d.seatId()), d.attributes()));
        }
        List<ShowArea> areas = new ArrayList<>(create.layout().areas().size());
        for (AreaDef a : create.layout().areas()) {
            areas.add(new ShowArea(a.areaId(), a.name(), a.category(), a.capacity(), a.capacity(), 0, 0, 0));
        }
        ShowView v = new ShowView(create.showId(), partition, create.layout().name(), create.layout().startsAt(),
                create.layout().policy(), seats, areas, create.seq(), create.availability(), replayCapacity);
        for (ChannelDef c : create.layout().channels()) {
            v.channels.put(c.channelId(), c.name());
            c.areas().forEach(a -> v.quota(new AreaQuota(a.areaId(), c.channelId(), a.quantity(), 0, 0, 0)));
        }
        return v;
    }

    private void quota(AreaQuota q) {
        quotas.computeIfAbsent(q.channel(), c -> new TreeMap<>()).put(q.areaId(), q);
    }

    public static ShowView of(ShowSnapshot s, int partition, int replayCapacity) {
        ShowView v = new ShowView(s.showId(), partition, s.name(), s.startsAt(), s.policy(), s.seats(), s.areas(),
                s.seq(), s.availability(), replayCapacity);
        s.holds().forEach(h -> v.put(h, s.at()));
        s.orders().forEach(v::addOrder);
        s.channels().forEach(c -> v.channels.put(c.channelId(), c.name()));
        s.quotas().forEach(v::quota);
        return v;
    }

    /**
     * Applies the next event. Returns null for an event this view already contains (a snapshot
     * covered it); throws {@link SeqGap} when events are missing.
     */
    public Change apply(ShowEvent e) {
        if (e.seq() <= seq) {
            return null;
        }
        if (e.seq() != seq + 1) {
            throw new SeqGap(showId, seq, e.seq());
        }
        seq = e.seq();
        availability = new TreeMap<>(e.availability());
        orderChange(e);
        boolean assigning = e.cause() == Cause.CHANNEL;
        for (SeatChange c : e.seats()) {
            Integer i = index.get(c.seatId());
            if (i != null) {
                status[i] = c.status();
                if (assigning) {
                    channelOf[i] = c.channel();
                }
            }
        }
        if (e.channel() != null) {
            channels.put(e.channel().channelId(), e.channel().name());
        }
        e.quotas().forEach(this::quota);
        for (AreaCounts c : e.areas()) {
            Integer a = areaIndex.get(c.areaId());
            if (a != null) {
                areas[a] = areas[a].with(c);
            }
        }
        List<Hold> changedHolds = new ArrayList<>(2);
        if (e.replacedHoldId() != null) {
            Hold old = holds.get(e.replacedHoldId());
            if (old != null) {
                changedHolds.add(put(old.withStatus(HoldStatus.RELEASED), e.at()));
            }
        }
        if (e.hold() != null) {
            changedHolds.add(put(e.hold(), e.at()));
        }
        if (e.cause() == Cause.ARCHIVE) {
            // the show ends: its active holds end RELEASED, and streams get "archived" instead of a delta
            for (Set<String> mine : List.copyOf(activeByActor.values())) {
                for (String holdId : List.copyOf(mine)) {
                    changedHolds.add(put(holds.get(holdId).withStatus(HoldStatus.RELEASED), e.at()));
                }
            }
            return new Change(null, changedHolds, true);
        }
        SeatsDelta delta = null;
        if ((!e.seats().isEmpty() || !e.areas().isEmpty()) && e.cause() != Cause.CREATE) {
            delta = new SeatsDelta(e.seq(), e.cause(), e.seats(), e.areas(), availability);
            replay.addLast(delta);
            if (replay.size() > replayCapacity) {
                replayFloor = replay.removeFirst().seq();
            }
        }
        return new Change(delta, changedHolds, false);
    }

    /** Orders from CONFIRM, SELL and CANCEL events (call before the event's area counts are applied). */
    private void orderChange(ShowEvent e) {
        if (e.orderId() == null) {
            return;
        }
        switch (e.cause()) {
            case CONFIRM -> addOrder(new Order(e.orderId(), e.hold().seatIds(), e.hold().areas(), e.hold().holdId(),
                    e.hold().actor(), e.at()));
            case SELL -> {
                List<AreaQuantity> places = new ArrayList<>();
                for (AreaCounts c : e.areas()) {
                    Integer a = areaIndex.get(c.areaId());
                    int sold = a == null ? 0 : c.sold() - areas[a].sold();
                    if (sold > 0) {
                        places.add(new AreaQuantity(c.areaId(), sold));
                    }
                }
                addOrder(new Order(e.orderId(), e.seats().stream().map(SeatChange::seatId).toList(), places, null,
                        e.actor(), e.at()));
            }
            case CANCEL -> {
                Order gone = orders.remove(e.orderId());
                if (gone != null) {
                    gone.seatIds().forEach(orderOfSeat::remove);
                }
            }
            default -> {
            }
        }
    }

    private void addOrder(Order o) {
        orders.put(o.orderId(), o);
        o.seatIds().forEach(seat -> orderOfSeat.put(seat, o.orderId()));
    }

    private Hold put(Hold h, Instant at) {
        Hold before = holds.put(h.holdId(), h);
        if (before != null) {
            before.seatIds().forEach(seat -> holdOfSeat.remove(seat, h.holdId()));
        }
        if (h.status() == HoldStatus.ACTIVE) {
            h.seatIds().forEach(seat -> holdOfSeat.put(seat, h.holdId()));
            activeByActor.computeIfAbsent(h.actor(), a -> new LinkedHashSet<>()).add(h.holdId());
        } else {
            Set<String> mine = activeByActor.get(h.actor());
            if (mine != null && mine.remove(h.holdId()) && mine.isEmpty()) {
                activeByActor.remove(h.actor());
            }
            ended.addLast(Map.entry(at, h.holdId()));
        }
        return h;
    }

    /** Forgets holds that ended before {@code before}; returns their ids. */
    public List<String> forgetEndedHolds(Instant before) {
        List<String> gone = new ArrayList<>();
        while (!ended.isEmpty() && ended.peekFirst().getKey().isBefore(before)) {
            String holdId = ended.removeFirst().getValue();
            Hold h = holds.get(holdId);
            if (h != null && h.status() != HoldStatus.ACTIVE) {
                holds.remove(holdId);
                gone.add(holdId);
            }
        }
        return gone;
    }

    /**
     * The deltas after {@code lastSeq}, or null when they are not all retained (or {@code lastSeq}
     * is from the future): the caller then starts from a snapshot.
     */
    public List<SeatsDelta> deltasAfter(long lastSeq) {
        if (lastSeq > seq || lastSeq < replayFloor) {
            return null;
        }
        List<SeatsDelta> out = new ArrayList<>();
        for (SeatsDelta d : replay) {
            if (d.seq() > lastSeq) {
                out.add(d);
            }
        }
        return out;
    }

    /** The show as the public sees it: each seat's channel id, no channel's name or counts. */
    public ShowBody body() {
        return body(channelId -> false);
    }

    /** The show with the names and availability of the channels {@code visible} lets through. */
    public ShowBody body(java.util.function.Predicate<String> visible) {
        List<ShowSeat> seats = new ArrayList<>(layout.size());
        for (int i = 0; i < status.length; i++) {
            ShowSeat s = layout.get(i);
            seats.add(status[i] == s.status() && java.util.Objects.equals(channelOf[i], s.channel()) ? s
                    : new ShowSeat(s.seatId(), s.section(), s.row(), s.number(), s.category(), status[i], channelOf[i],
                            s.attributes()));
        }
        boolean any = channels.keySet().stream().anyMatch(visible);
        return new ShowBody(showId, name, startsAt, seq, seats, List.of(areas), availability, policy,
                any ? channelBodies(false).stream().filter(c -> visible.test(c.channelId())).toList() : List.of());
    }

    /** The show's channels with their availability per category; with their seats and quotas when {@code whole}. */
    public List<ChannelBody> channelBodies(boolean whole) {
        if (channels.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, int[]>> counts = new HashMap<>();
        Map<String, List<String>> seatsOf = new HashMap<>();
        for (int i = 0; i < channelOf.length; i++) {
            if (channelOf[i] != null) {
                count(counts, channelOf[i], layout.get(i).category(), status[i].ordinal(), 1);
                seatsOf.computeIfAbsent(channelOf[i], c -> new ArrayList<>()).add(layout.get(i).seatId());
            }
        }
        List<ChannelBody> out = new ArrayList<>(channels.size());
        channels.forEach((channelId, channelName) -> {
            List<ChannelBody.ChannelArea> owned = new ArrayList<>();
            for (AreaQuota q : quotas.getOrDefault(channelId, Map.of()).values()) {
                Integer a = areaIndex.get(q.areaId());
                String category = a == null ? null : areas[a].category();
                int[] k = {q.available(), q.held(), q.sold(), q.blocked()};
                for (int st = 0; st < k.length && category != null; st++) {
                    count(counts, channelId, category, st, k[st]);
                }
                owned.add(new ChannelBody.ChannelArea(q.areaId(), k[0] + k[1] + k[2] + k[3], k[0], k[1], k[2], k[3]));
            }
            Map<String, Availability> availability = new TreeMap<>();
            counts.getOrDefault(channelId, Map.of()).forEach((category, k) -> availability.put(category,
                    new Availability(k[0], k[1], k[2], k[3])));
            out.add(new ChannelBody(channelId, channelName, whole ? seatsOf.getOrDefault(channelId, List.of()) : null,
                    whole ? owned : null, availability));
        });
        return out;
    }

    private static void count(Map<String, Map<String, int[]>> counts, String channel, String category, int status,
            int n) {
        counts.computeIfAbsent(channel, c -> new TreeMap<>()).computeIfAbsent(category, c -> new int[4])[status] += n;
    }

    public ShowSummary summary() {
        return new ShowSummary(showId, name, startsAt, availability);
    }

    public List<Hold> activeHoldsOf(String actor) {
        List<Hold> out = new ArrayList<>();
        for (String holdId : activeByActor.getOrDefault(actor, Set.of())) {
            out.add(holds.get(holdId));
        }
        out.sort(OLDEST_FIRST);
        return out;
    }

    /** Every active hold of the show, oldest first. */
    public List<Hold> activeHolds() {
        List<Hold> out = new ArrayList<>();
        for (Set<String> mine : activeByActor.values()) {
            mine.forEach(id -> out.add(holds.get(id)));
        }
        out.sort(OLDEST_FIRST);
        return out;
    }

    public List<Order> orders() {
        return List.copyOf(orders.values());
    }

    /** A seat with its holder or order, an area with its counts, or null when the show has neither. */
    public Object seatOrArea(String id) {
        Integer i = index.get(id);
        if (i != null) {
            ShowSeat s = layout.get(i);
            String holdId = status[i] == SeatStatus.HELD ? holdOfSeat.get(id) : null;
            Hold h = holdId == null ? null : holds.get(holdId);
            String orderId = status[i] == SeatStatus.SOLD ? orderOfSeat.get(id) : null;
            String actor = h != null ? h.actor() : orderId != null ? orders.get(orderId).actor() : null;
            return new SeatDetail(s.seatId(), s.section(), s.row(), s.number(), s.category(), status[i], holdId, actor,
                    orderId);
        }
        Integer a = areaIndex.get(id);
        return a == null ? null : areas[a];
    }

    public Hold hold(String holdId) {
        return holds.get(holdId);
    }

    public String showId() {
        return showId;
    }

    public int partition() {
        return partition;
    }

    public long seq() {
        return seq;
    }
}
