package com.seatledger.ledger.core;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.seatledger.topics.json.Json;
import com.seatledger.topics.json.OutputWriters;
import com.seatledger.topics.message.AreaQuota;
import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Channel;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.Order;
import com.seatledger.topics.message.ShowArea;
import com.seatledger.topics.message.ShowSnapshot;

import tools.jackson.core.JsonGenerator;

/**
 * Whole-show snapshots for readers that must not replay all of seat-status. A show changed since
 * its last snapshot is remembered in the store (in the same transaction as its event, so a crash
 * cannot forget it); a pass ({@link #begin}, then {@link #finish} once its snapshots are written)
 * snapshots all of them, which is what makes a snapshot's {@code coveredUntil} true for the whole
 * partition.
 *
 * <p>It also stamps the task's seat-status records ({@link #stamp}): never earlier than the last pass's
 * {@code coveredUntil}, which is stored with the pass. So every event written after a pass, by this
 * instance or by one that takes the task over with a clock behind this one's, carries a timestamp
 * {@code >= coveredUntil}, and a reader that seeks each partition to its newest {@code coveredUntil}
 * by timestamp misses nothing, with no margin for clock differences.
 */
public final class ShowSnapshots {

    /** A pass of at most this many bytes is begun whenever shows are due (every small show's case). */
    static final long SMALL_PASS_BYTES = 1 << 20;
    /** About what an event weighs on seat-status (a one-seat change with a few categories). */
    static final int EVENT_BYTES = 500;

    private final Ledger ledger;
    /** events of the task's shows since the last pass began */
    private long eventsSincePass;
    /** when the last pass began (its coveredUntil), from the store after a restart */
    private long lastPassMillis;
    /** Mirrors the store's due marks so the hot path does not touch the store per event. */
    private final Set<String> due = new LinkedHashSet<>();
    /** the highest stamp given so far: stamps never go back, even if the wall clock does */
    private long lastStamp;
    /** the pass begun and not yet finished, if any */
    private Pass inFlight;

    public ShowSnapshots(Ledger ledger) {
        this.ledger = ledger;
        due.addAll(ledger.snapshotMarks().due());
        lastStamp = ledger.snapshotMarks().coveredUntil();
        lastPassMillis = lastStamp;
    }

    /** The timestamp for a seat-status record written at {@code wallClockMillis}. */
    public long stamp(long wallClockMillis) {
        lastStamp = Math.max(lastStamp, wallClockMillis);
        return lastStamp;
    }

    public void changed(String showId, Instant at) {
        eventsSincePass++;
        if (due.add(showId)) {
            ledger.snapshotMarks().due(showId, at);
        }
    }

    /** The show was archived: no more snapshots of it (its store mark went with its state). */
    public void archived(String showId) {
        due.remove(showId);
        if (inFlight != null) {
            inFlight.archived.add(showId);
        }
    }

    /**
     * Whether a pass is worth beginning at {@code now}: whenever the shows due are small; for large
     * ones, once the events written since the last pass weigh about as much as the pass would, or
     * {@code longest} after the last pass. A reader that starts between passes replays those events
     * instead, so a pass that writes more than it spares readers is waste: at an on-sale a
     * 100,000-seat show's pass is 10-20 MB of JSON, and every pass held the stream thread's commit
     * back while the broker took it (the slowest decisions of the REST benchmark came in clusters
     * 10 s apart). What a pass covers is unchanged: every show due, with one {@code coveredUntil}.
     */
    public boolean worthAPass(Instant now, Duration longest) {
        if (due.isEmpty()) {
            return false;
        }
        if (now.toEpochMilli() - lastPassMillis >= longest.toMillis()) {
            return true;
        }
        long bytes = 0;
        for (String showId : due) {
            ShowState show = ledger.show(showId);
            bytes += show == null ? 0 : estimatedBytes(show.seatIds.length, show.active.size(), show.orders.size());
        }
        return bytes <= SMALL_PASS_BYTES || eventsSincePass * EVENT_BYTES >= bytes;
    }

    /** About how many bytes a show's snapshot takes (it decides how far apart a large show's passes are). */
    static int estimatedBytes(int seats, int activeHolds, int orders) {
        return seats * 100 + activeHolds * 160 + orders * 120 + 4096;
    }

    /**
     * Snapshots every show changed since its last snapshot, all with one {@code coveredUntil}, at
     * once: {@link #begin}, {@link Pass#build}, {@link #finish} in a row.
     */
    public List<ShowSnapshot> takeDue(Instant now) {
        Pass pass = begin(now);
        if (pass == null) {
            return List.of();
        }
        List<ShowSnapshot> out = pass.build();
        finish(pass);
        return out;
    }

    /**
     * Starts a pass over every show changed since its last snapshot, all with one {@code coveredUntil}:
     * no earlier than any record stamped so far, and from now on no record is stamped before it. Only
     * copies each show's changing state (statuses, active holds, orders, counts), which is quick; the
     * snapshots themselves are built by {@link Pass#build}, on any thread: building and serialising
     * the whole seat map of a big show on the stream thread held every decision back for a few hundred
     * milliseconds. {@code null} if nothing changed. Until {@link #finish}, the shows' marks stay in
     * the store, so a crash or a rollback in between makes the next pass take them again.
     */
    public Pass begin(Instant now) {
        if (due.isEmpty()) {
            return null;
        }
        Instant covered = Instant.ofEpochMilli(stamp(now.toEpochMilli()));
        List<String> showIds = new ArrayList<>(due);
        List<Frozen> shows = new ArrayList<>(due.size());
        for (String showId : due) {
            ShowState show = ledger.show(showId);
            if (show != null) {
                shows.add(new Frozen(show, covered));
            }
        }
        due.clear();
        eventsSincePass = 0;
        lastPassMillis = covered.toEpochMilli();
        inFlight = new Pass(covered, showIds, shows);
        return inFlight;
    }

    /**
     * The pass's snapshots were written (in the transaction that is open now): stores its
     * {@code coveredUntil} and clears the marks of its shows, except those changed again since it
     * began (they are due again).
     */
    public void finish(Pass pass) {
        for (String showId : pass.showIds) {
            if (!due.contains(showId)) {
                ledger.snapshotMarks().taken(showId);
            }
        }
        ledger.snapshotMarks().coveredUntil(pass.coveredUntil.toEpochMilli());
        inFlight = null;
    }

    /** The pass could not be built: its shows are due again (their store marks were never cleared). */
    public void abandon(Pass pass) {
        for (String showId : pass.showIds) {
            due.add(showId);
        }
        inFlight = null;
    }

    /**
     * One snapshot pass: every show's changing state as it was when the pass began, and the pass's
     * {@code coveredUntil}. A show archived while the pass is being built is {@link #dropped}: its
     * tombstone is already written and no snapshot may follow it.
     */
    public static final class Pass {

        public final Instant coveredUntil;
        /** every show the pass took the mark of, also those no longer in the ledger */
        private final List<String> showIds;
        private final List<Frozen> shows;
        private final Set<String> archived = new HashSet<>();

        private Pass(Instant coveredUntil, List<String> showIds, List<Frozen> shows) {
            this.coveredUntil = coveredUntil;
            this.showIds = showIds;
            this.shows = shows;
        }

        /** The snapshots, from the copies only: safe on any thread while the ledger goes on deciding. */
        public List<ShowSnapshot> build() {
            return shows.stream().map(Frozen::snapshot).toList();
        }

        /** The pass's shows that are in the ledger, each written with {@link Frozen#writeJson}. */
        public List<Frozen> shows() {
            return shows;
        }

        /** Whether the show was archived after the pass began (stream thread only). */
        public boolean dropped(String showId) {
            return archived.contains(showId);
        }
    }

    /**
     * A show's changing state copied at the start of a pass; the layout arrays never change. Each
     * active hold is a copy of its record as it was then (a hold's expiry and status change as the
     * ledger goes on deciding).
     */
    public static final class Frozen {

        private final String showId;
        private final ShowState show;
        private final long seq;
        private final byte[] status;
        private final List<HoldRec> holds;
        private final Map<String, Availability> availability;
        private final List<ShowArea> areas;
        private final List<OrderRec> orders;
        private final Instant coveredUntil;
        /** Each seat's channel; null when the show has no channels (every seat is the pool's). */
        private final short[] channelOf;
        private final List<Channel> channels;
        private final List<AreaQuota> quotas;

        private Frozen(ShowState show, Instant coveredUntil) {
            this.showId = show.showId;
            this.show = show;
            this.coveredUntil = coveredUntil;
            seq = show.seq;
            status = show.status.clone();
            holds = new ArrayList<>(show.active.size());
            for (HoldRec h : show.active.values()) {
                // the seats array is shared: ShowState.apply replaces a hold's seats, never writes into them
                holds.add(new HoldRec(h.holdId, h.actor, h.seats, h.createdAt, h.expiresAt, h.status).with(h.places));
            }
            orders = new ArrayList<>();
            for (OrderRec o : show.orders.values()) {
                if (!o.cancelled()) {
                    orders.add(o);
                }
            }
            availability = show.availability();
            areas = show.areas();
            channelOf = show.channels.any() ? show.channels.seatChannel.clone() : null;
            channels = show.channels.list();
            quotas = show.channels.quotas();
        }

        public String showId() {
            return showId;
        }

        ShowSnapshot snapshot() {
            List<Hold> active = new ArrayList<>(holds.size());
            for (HoldRec h : sortedHolds()) {
                active.add(h.toHold(show));
            }
            return new ShowSnapshot(showId, seq, coveredUntil, coveredUntil, show.name, show.startsAt, show.policy,
                    show.seats(status, channelOf), availability, active, areas, sortedOrders(), channels, quotas);
        }

        /**
         * The snapshot's JSON, the same bytes as the mapper writes for {@link #snapshot}, written
         * straight from the copies: no seat or hold objects are built for it. A 50,000-seat show with
         * 40,000 holds was ~200,000 short-lived objects per pass, which young collections that came
         * while a pass was being written had to copy.
         */
        public void writeJson(OutputStream out) {
            try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
                g.writeStartObject();
                OutputWriters.string(g, "showId", showId);
                g.writeNumberProperty("seq", seq);
                OutputWriters.instant(g, "at", coveredUntil);
                OutputWriters.instant(g, "coveredUntil", coveredUntil);
                OutputWriters.string(g, "name", show.name);
                OutputWriters.instant(g, "startsAt", show.startsAt);
                pojo(g, "policy", show.policy);
                g.writeName("seats");
                g.writeStartArray();
                for (int i = 0; i < status.length; i++) {
                    g.writeStartObject();
                    g.writeStringProperty("seatId", show.seatIds[i]);
                    g.writeStringProperty("section", show.rowSections[show.rowOf[i]]);
                    g.writeStringProperty("row", show.rowNames[show.rowOf[i]]);
                    g.writeNumberProperty("number", show.numbers[i]);
                    g.writeStringProperty("category", show.categories[show.categoryOf[i]]);
                    g.writeStringProperty("status", ShowState.STATUSES[status[i]].name());
                    OutputWriters.string(g, "channel", channelOf == null ? null : show.channels.id(channelOf[i]));
                    String[] attributes = show.attributeSets[show.attributesOf(i)];
                    if (attributes.length > 0) {
                        g.writeName("attributes");
                        g.writeArray(attributes, 0, attributes.length);
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                pojo(g, "availability", availability);
                g.writeName("holds");
                g.writeStartArray();
                for (HoldRec h : sortedHolds()) {
                    OutputWriters.hold(g, h.holdId, h.actor, h.seats.length, i -> show.seatIds[h.seats[i]], h.createdAt,
                            h.expiresAt, h.status, h.places.toWire(show));
                }
                g.writeEndArray();
                if (!areas.isEmpty()) {
                    pojo(g, "areas", areas);
                }
                if (!orders.isEmpty()) {
                    g.writeName("orders");
                    g.writeStartArray();
                    for (Order o : sortedOrders()) {
                        g.writePOJO(o);
                    }
                    g.writeEndArray();
                }
                if (!channels.isEmpty()) {
                    pojo(g, "channels", channels);
                }
                if (!quotas.isEmpty()) {
                    pojo(g, "quotas", quotas);
                }
                g.writeEndObject();
            }
        }

        private static void pojo(JsonGenerator g, String name, Object value) {
            if (value != null) {
                g.writeName(name);
                g.writePOJO(value);
            }
        }

        private List<HoldRec> sortedHolds() {
            List<HoldRec> sorted = new ArrayList<>(holds);
            sorted.sort(Comparator.comparing(h -> h.holdId));
            return sorted;
        }

        private List<Order> sortedOrders() {
            return orders.stream().sorted(Comparator.comparing(OrderRec::orderId)).map(o -> o.toOrder(show)).toList();
        }
    }
}
