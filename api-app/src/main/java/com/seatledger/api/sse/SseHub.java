package com.seatledger.api.sse;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.seatledger.api.view.HoldBody;
import com.seatledger.api.view.SeatsDelta;
import com.seatledger.api.view.ShowBody;
import com.seatledger.api.view.ShowView;
import com.seatledger.api.view.Views;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;

/**
 * The SSE relay: seat-map streams per show and hold streams per hold. Told of every
 * view change by {@link Views} under the view's monitor; subscribes under the same monitor, so a
 * new stream gets its snapshot or replay and then every later delta, none twice.
 */
public final class SseHub implements Views.Listener, AutoCloseable {

    private final Views views;
    private final SseSettings settings;
    private final Clock clock;
    private final ExecutorService writers;
    private final Map<String, Set<SseConnection>> showStreams = new ConcurrentHashMap<>();
    private final Map<String, Set<HoldStream>> holdStreams = new ConcurrentHashMap<>();
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    /** open streams per client address (only addresses that are capped) */
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** Fewer streams than this per writer are not worth another thread. */
    private static final int SLICE_MIN = 256;

    /** A hold stream remembers the hold's last state, to send {@code expiring} once per expiry time. */
    private static final class HoldStream {
        final SseConnection conn;
        final String showId;
        volatile Hold hold;
        volatile Instant warnedFor;

        HoldStream(SseConnection conn, String showId, Hold hold) {
            this.conn = conn;
            this.showId = showId;
            this.hold = hold;
        }
    }

    /**
     * A show's seat map at one seq, serialised at most once: the thousands of clients that connect
     * when an on-sale opens share it instead of each copying and serialising the whole show.
     */
    private record Snapshot(long seq, Frame frame) {
    }

    public SseHub(Views views, SseSettings settings, Clock clock) {
        this.views = views;
        this.settings = settings;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(settings.writerThreads(), r -> {
            Thread t = new Thread(r, "sse-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        views.listener(this);
    }

    /**
     * Opens a seat-map stream: snapshot (or, when {@code lastEventId} is a retained seq, the
     * deltas after it), then every later delta. The caller starts the response with
     * {@link SseConnection#serve}; frames queue until then.
     */
    public SseConnection openShow(String showId, String lastEventId, String clientAddress) {
        SseConnection conn = connect(showId, null, clientAddress);
        Boolean known = views.read(showId, view -> {
            List<SeatsDelta> missed = resumeFrom(view, lastEventId);
            // a replay longer than half the queue would overflow it at once: a snapshot is cheaper
            if (missed == null || missed.size() > settings.queueFrames() / 2) {
                conn.offer(Frame.retry(settings.retry().toMillis()));
                conn.offer(snapshot(view).frame());
            } else {
                conn.offer(Frame.retry(settings.retry().toMillis()));
                conn.offer(Frame.comment("resumed"));
                missed.forEach(d -> conn.offer(deltaFrame(d)));
            }
            showStreams.computeIfAbsent(showId, k -> ConcurrentHashMap.newKeySet()).add(conn);
            return true;
        });
        if (known == null) {
            conn.end(SseConnection.End.COMPLETED);
            throw new StreamRejected(StreamRejected.Reason.SHOW_NOT_FOUND, "no show " + showId);
        }
        return conn;
    }

    /** Under the view's monitor, so the copy is consistent; serialised later, once, by a writer thread. */
    private Snapshot snapshot(ShowView view) {
        Snapshot s = snapshots.get(view.showId());
        if (s == null || s.seq() != view.seq()) {
            ShowBody body = view.body();
            s = new Snapshot(body.seq(),
                    Frame.event(Long.toString(body.seq()), "snapshot", () -> Json.MAPPER.writeValueAsString(body)));
            snapshots.put(view.showId(), s);
        }
        return s;
    }

    private static List<SeatsDelta> resumeFrom(ShowView view, String lastEventId) {
        if (lastEventId == null) {
            return null;
        }
        try {
            return view.deltasAfter(Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException garbage) {
            return null;
        }
    }

    /** Opens a hold stream: the hold now, then every change; {@code expiring} when little time is left. */
    public SseConnection openHold(Views.HoldRef ref, String clientAddress) {
        String holdId = ref.hold().holdId();
        String key = ref.showId() + '/' + holdId;
        HoldStream[] opened = new HoldStream[1];
        views.read(ref.showId(), view -> {
            Hold now = view.hold(holdId);
            HoldStream hs = new HoldStream(connect(ref.showId(), key, clientAddress), ref.showId(),
                    now == null ? ref.hold() : now);
            hs.conn.offer(Frame.retry(settings.retry().toMillis()));
            hs.conn.offer(holdFrame(hs.showId, hs.hold));
            if (hs.hold.status() != HoldStatus.ACTIVE) {
                hs.conn.offer(Frame.CLOSE);
            } else {
                holdStreams.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(hs);
            }
            opened[0] = hs;
            return true;
        });
        if (opened[0] == null) {
            throw new StreamRejected(StreamRejected.Reason.HOLD_NOT_FOUND, "no hold " + holdId);
        }
        warnIfExpiring(opened[0]);
        return opened[0].conn;
    }

    private SseConnection connect(String showId, String holdKey, String clientAddress) {
        String capped = capped(clientAddress) ? clientAddress : null;
        if (capped != null && !admit(capped)) {
            throw new StreamRejected(StreamRejected.Reason.TOO_MANY_FROM_ADDRESS, "address " + capped + " has "
                    + settings.maxPerAddress() + " streams open, the most one client address may have");
        }
        if (connections.incrementAndGet() > settings.maxConnections()) {
            connections.decrementAndGet();
            leave(capped);
            throw new StreamRejected(StreamRejected.Reason.TOO_MANY_STREAMS,
                    "this instance serves its maximum of " + settings.maxConnections() + " streams");
        }
        SseConnection[] self = new SseConnection[1];
        self[0] = new SseConnection(settings.queueFrames(), writers, why -> {
                    connections.decrementAndGet();
                    leave(capped);
                    if (why == SseConnection.End.OVERFLOW) {
                        dropped.incrementAndGet();
                    }
                    if (holdKey != null) {
                        holdStreams.computeIfPresent(holdKey, (k, set) -> {
                            set.removeIf(h -> h.conn == self[0]);
                            return set.isEmpty() ? null : set;
                        });
                    } else if (remove(showStreams, showId, self[0])) {
                        snapshots.remove(showId); // nobody watches the show: its seat map need not stay in memory
                    }
                }, relayed::incrementAndGet);
        return self[0];
    }

    /**
     * One public address must not take every stream slot. Loopback is not capped: it is the host's
     * own tools, or a local proxy that does not say whom it forwards for (then every client would
     * share its address). Behind a trusted proxy the address is the one it forwards for (Tomcat's
     * remote-IP handling, {@code server.forward-headers-strategy}).
     */
    private boolean capped(String address) {
        if (settings.maxPerAddress() <= 0 || address == null) {
            return false;
        }
        try {
            return !InetAddress.ofLiteral(address).isLoopbackAddress(); // a literal: no name lookup
        } catch (IllegalArgumentException notAnAddress) {
            return true;
        }
    }

    private boolean admit(String address) {
        boolean[] admitted = {false};
        perAddress.compute(address, (k, n) -> {
            int open = n == null ? 0 : n;
            admitted[0] = open < settings.maxPerAddress();
            return admitted[0] ? open + 1 : n;
        });
        return admitted[0];
    }

    private void leave(String address) {
        if (address != null) {
            perAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** True when that was the key's last value. */
    private static <T> boolean remove(Map<String, Set<T>> index, String key, T value) {
        return index.computeIfPresent(key, (k, set) -> {
            set.remove(value);
            return set.isEmpty() ? null : set;
        }) == null;
    }

    @Override
    public void changed(ShowView view, ShowView.Change change) {
        if (change.delta() != null) {
            Set<SseConnection> subs = showStreams.get(view.showId());
            if (subs != null) {
                fanOut(subs, deltaFrame(change.delta()));
            }
        }
        for (Hold h : change.holds()) {
            Set<HoldStream> subs = holdStreams.get(view.showId() + '/' + h.holdId());
            if (subs == null) {
                continue;
            }
            Frame f = holdFrame(view.showId(), h);
            for (HoldStream hs : subs) {
                hs.hold = h;
                hs.conn.offer(f);
                if (h.status() != HoldStatus.ACTIVE) {
                    hs.conn.offer(Frame.CLOSE);
                }
            }
        }
    }

    /** The show ended: every seat-map stream gets {@code event: archived} with the final counts, then ends. */
    @Override
    public void archived(ShowView view) {
        snapshots.remove(view.showId());
        Set<SseConnection> subs = showStreams.remove(view.showId());
        if (subs != null) {
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("showId", view.showId());
            data.put("seq", view.seq());
            data.put("availability", view.summary().availability());
            fanOut(subs, Frame.event(Long.toString(view.seq()), "archived", () -> Json.MAPPER.writeValueAsString(data)),
                    Frame.CLOSE);
        }
    }

    @Override
    public void dropped(String showId) {
        // the view is being rebuilt: clients reconnect and get a fresh snapshot
        snapshots.remove(showId);
        Set<SseConnection> subs = showStreams.remove(showId);
        if (subs != null) {
            subs.forEach(SseConnection::close);
        }
    }

    /**
     * Queues the frames to every stream, in order, on this thread (cheap: no write, no hand-off), then
     * drains the streams that were idle in one slice per writer thread. One task per stream and change
     * cost 10,000 hand-offs between threads per change, more than the writes themselves.
     */
    private void fanOut(Collection<SseConnection> conns, Frame... frames) {
        List<SseConnection> idle = new ArrayList<>(conns.size());
        for (SseConnection c : conns) {
            boolean mustDrain = false;
            for (Frame f : frames) {
                mustDrain |= c.enqueue(f);
            }
            if (mustDrain) {
                idle.add(c);
            }
        }
        int slices = Math.min(settings.writerThreads(), (idle.size() + SLICE_MIN - 1) / SLICE_MIN);
        for (int i = 0; i < slices; i++) {
            List<SseConnection> slice = idle.subList(i * idle.size() / slices, (i + 1) * idle.size() / slices);
            try {
                writers.execute(() -> slice.forEach(SseConnection::drain));
            } catch (RejectedExecutionException shuttingDown) {
                slice.forEach(c -> c.end(SseConnection.End.FAILED));
            }
        }
    }

    private static Frame deltaFrame(SeatsDelta d) {
        return Frame.event(Long.toString(d.seq()), "seats", () -> Json.MAPPER.writeValueAsString(d));
    }

    private static Frame holdFrame(String showId, Hold h) {
        String json = holdJson(showId, h);
        return Frame.event(null, "hold", () -> json);
    }

    private static String holdJson(String showId, Hold h) {
        return Json.MAPPER.writeValueAsString(HoldBody.of(showId, h, null, null));
    }

    /**
     * Heartbeats for idle streams, {@code expiring} notices, and the end of streams older than the
     * stream timeout (the client reconnects); run about once a second.
     */
    public void tick() {
        Frame beat = Frame.comment("heartbeat");
        for (Set<SseConnection> subs : showStreams.values()) {
            subs.forEach(c -> keepUp(c, beat));
        }
        for (Set<HoldStream> subs : holdStreams.values()) {
            for (HoldStream hs : subs) {
                warnIfExpiring(hs);
                keepUp(hs.conn, beat);
            }
        }
    }

    private void keepUp(SseConnection c, Frame beat) {
        if (c.ageNanos() >= settings.streamTimeout().toNanos()) {
            c.close();
        } else if (c.idleNanos() >= settings.heartbeat().toNanos()) {
            c.offer(beat);
        }
    }

    private void warnIfExpiring(HoldStream hs) {
        Hold h = hs.hold;
        if (h.status() == HoldStatus.ACTIVE && !h.expiresAt().equals(hs.warnedFor)
                && Duration.between(clock.instant(), h.expiresAt()).compareTo(settings.expiringNotice()) <= 0) {
            hs.warnedFor = h.expiresAt();
            String json = holdJson(hs.showId, h);
            hs.conn.offer(Frame.event(null, "expiring", () -> json));
        }
    }

    public int connections() {
        return connections.get();
    }

    /** Frames queued for all streams, not yet written: a slow network or too few writer threads show here. */
    public long queuedFrames() {
        long n = 0;
        for (Set<SseConnection> set : showStreams.values()) {
            for (SseConnection c : set) {
                n += c.queued();
            }
        }
        for (Set<HoldStream> set : holdStreams.values()) {
            for (HoldStream h : set) {
                n += h.conn.queued();
            }
        }
        return n;
    }

    public long relayed() {
        return relayed.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Ends every stream (clients reconnect elsewhere); open streams would otherwise hold up a graceful shutdown. */
    public void closeAll() {
        showStreams.values().forEach(s -> s.forEach(SseConnection::close));
        holdStreams.values().forEach(s -> s.forEach(h -> h.conn.close()));
    }

    @Override
    public void close() throws InterruptedException {
        closeAll();
        writers.shutdown();
        writers.awaitTermination(2, TimeUnit.SECONDS);
    }
}
