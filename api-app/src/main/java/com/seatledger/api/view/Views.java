package com.seatledger.api.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.ShowEvent;
import com.seatledger.topics.message.ShowSnapshot;

/**
 * Every show this instance serves, built from seat-snapshots and seat-status. One thread (the
 * status reader) writes; request threads read. A view is only touched under its own monitor, and
 * the {@link Listener} is told of each change under that monitor too, so an SSE subscription taken
 * under the same monitor sees every delta exactly once.
 */
public final class Views {

    public interface Listener {
        void changed(ShowView view, ShowView.Change change);

        void dropped(String showId);

        /** The show was archived (its last event applied); its streams end. */
        default void archived(ShowView view) {
        }
    }

    /** A hold found by id, with its show (holdIds are unique per show only). */
    public record HoldRef(String showId, Hold hold) {
    }

    private final int replayCapacity;
    private final Map<String, ShowView> shows = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> showsOfHold = new ConcurrentHashMap<>();
    private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();
    /** Archived shows and their last seq: their late events are ignored, their waiters released. */
    private final Map<String, Long> archived = new ConcurrentHashMap<>();
    private volatile Listener listener = new Listener() {
        @Override
        public void changed(ShowView view, ShowView.Change change) {
        }

        @Override
        public void dropped(String showId) {
        }
    };

    private record Waiter(long seq, CompletableFuture<Void> done) {
    }

    public Views(int replayCapacity) {
        this.replayCapacity = replayCapacity;
    }

    public void listener(Listener l) {
        this.listener = l;
    }

    /** A show whose snapshot was tombstoned: it was archived, so events of it are history. */
    public void archived(String showId) {
        archived.putIfAbsent(showId, Long.MAX_VALUE);
    }

    public void install(ShowSnapshot s, int partition) {
        ShowView view = ShowView.of(s, partition, replayCapacity);
        s.holds().forEach(h -> indexHold(s.showId(), h.holdId()));
        shows.put(s.showId(), view);
        release(s.showId(), s.seq());
    }

    /**
     * Applies an event of the given partition. An event for a show this instance does not know
     * that is not its CREATE means history is missing: {@link SeqGap}.
     */
    public void apply(ShowEvent e, int partition) {
        ShowView view = shows.get(e.showId());
        if (view == null) {
            if (archived.containsKey(e.showId())) {
                return;
            }
            if (e.cause() != Cause.CREATE) {
                throw new SeqGap(e.showId(), 0, e.seq());
            }
            shows.put(e.showId(), ShowView.created(e, partition, replayCapacity));
            release(e.showId(), e.seq());
            return;
        }
        long seq;
        synchronized (view) {
            ShowView.Change change = view.apply(e);
            if (change == null) {
                return;
            }
            change.holds().forEach(h -> indexHold(e.showId(), h.holdId()));
            listener.changed(view, change);
            seq = view.seq();
            if (change.archived()) {
                archived.put(e.showId(), seq);
                shows.remove(e.showId());
                change.holds().forEach(h -> unindexHold(e.showId(), h.holdId()));
                listener.archived(view);
            }
        }
        release(e.showId(), seq);
    }

    /** Forgets every show of a partition (before it is read again from the start). */
    public void dropPartition(int partition) {
        for (Iterator<ShowView> it = shows.values().iterator(); it.hasNext();) {
            ShowView v = it.next();
            if (v.partition() == partition) {
                it.remove();
                listener.dropped(v.showId());
            }
        }
    }

    public void forgetEndedHolds(Instant before) {
        for (ShowView v : shows.values()) {
            List<String> gone;
            synchronized (v) {
                gone = v.forgetEndedHolds(before);
            }
            gone.forEach(holdId -> unindexHold(v.showId(), holdId));
        }
    }

    private void indexHold(String showId, String holdId) {
        showsOfHold.computeIfAbsent(holdId, k -> ConcurrentHashMap.newKeySet()).add(showId);
    }

    private void unindexHold(String showId, String holdId) {
        showsOfHold.computeIfPresent(holdId, (k, set) -> {
            set.remove(showId);
            return set.isEmpty() ? null : set;
        });
    }

    /** Reads a show under its monitor; null when the show is unknown. */
    public <T> T read(String showId, Function<ShowView, T> reader) {
        ShowView v = shows.get(showId);
        if (v == null) {
            return null;
        }
        synchronized (v) {
            return reader.apply(v);
        }
    }

    public List<ShowSummary> summaries() {
        List<ShowSummary> out = new ArrayList<>();
        for (ShowView v : shows.values()) {
            synchronized (v) {
                out.add(v.summary());
            }
        }
        out.sort(Comparator.comparing(ShowSummary::showId));
        return out;
    }

    /**
     * The hold with this id: the {@code actor}'s own if several shows used the id, else any.
     * Null when no show this instance knows has it.
     */
    public HoldRef findHold(String holdId, String actor) {
        HoldRef any = null;
        for (String showId : showsOfHold.getOrDefault(holdId, Set.of())) {
            Hold h = read(showId, v -> v.hold(holdId));
            if (h != null) {
                HoldRef ref = new HoldRef(showId, h);
                if (h.actor().equals(actor)) {
                    return ref;
                }
                any = any == null ? ref : any;
            }
        }
        return any;
    }

    public int size() {
        return shows.size();
    }

    /** Completes once this instance's view of the show has reached {@code seq} (read-your-writes). */
    public CompletableFuture<Void> awaitSeq(String showId, long seq) {
        Waiter w = new Waiter(seq, new CompletableFuture<>());
        waiters.compute(showId, (k, list) -> {
            List<Waiter> l = list == null ? new ArrayList<>() : list;
            l.add(w);
            return l;
        });
        ShowView v = shows.get(showId);
        Long have = v == null ? null : v.seq();
        if (have == null) {
            have = archived.get(showId);
        }
        if (have != null) {
            release(showId, have);
        }
        return w.done();
    }

    private void release(String showId, long seq) {
        if (!waiters.containsKey(showId)) {
            return;
        }
        List<Waiter> ready = new ArrayList<>();
        waiters.computeIfPresent(showId, (k, list) -> {
            // a waiter whose caller gave up (timed out) is done already: drop it too
            list.removeIf(w -> w.done().isDone() || w.seq() <= seq && ready.add(w));
            return list.isEmpty() ? null : list;
        });
        ready.forEach(w -> w.done().complete(null));
    }
}
