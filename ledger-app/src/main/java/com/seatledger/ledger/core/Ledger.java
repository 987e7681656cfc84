package com.seatledger.ledger.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.seatledger.topics.message.ArchiveShow;
import com.seatledger.topics.message.AssignChannel;
import com.seatledger.topics.message.BlockSeats;
import com.seatledger.topics.message.CancelOrder;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.Layout;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.ReleaseHold;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SellSeats;
import com.seatledger.topics.message.ShowEvent;
import com.seatledger.topics.message.UnblockSeats;

/**
 * The seat ledger's decisions, as plain Java. One instance decides, one command at a time, for the
 * shows in its store; "now" is always passed in. Working state is in memory ({@link ShowState});
 * every decision is worked out completely ({@link Change}), then applied and journaled, so the
 * store only ever sees whole decisions. A new instance over the same store loads each show from its
 * checkpoint and journal ({@link Journal}) when a command or read first names it, or when
 * {@link #loadNextWaiting} gets to it; a show's holds join the expiry queue when it is loaded.
 */
public final class Ledger {

    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    /** Bounds the work of one expiry pass; what is left is picked up by the next pass. */
    static final int EXPIRY_BATCH = 5_000;
    /** A hold whose expiry failed unexpectedly is tried again this much later, not in a tight loop. */
    static final Duration EXPIRY_RETRY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private record Due(long at, String showId, String holdId) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = Long.compare(at, o.at);
            if (c == 0) {
                c = showId.compareTo(o.showId);
            }
            return c != 0 ? c : holdId.compareTo(o.holdId);
        }
    }

    private final Journal journal;
    private final SnapshotMarks snapshotMarks;
    private final RecentCommands recent;
    private final ShowBook book;
    private final LedgerReads reads;
    /** Active holds by expiry; an extension adds a later entry and the stale one is skipped when due. */
    private final PriorityQueue<Due> expiries = new PriorityQueue<>();
    private long showsLoaded;
    private long loadNanos;
    /** A seam for tests: called before each seat of a change is applied. */
    private IntConsumer beforeSeatMove = s -> {
    };

    /** A ledger over one store holding both shows and idempotency records (tests, the benchmark's oracle). */
    public Ledger(LedgerStore store) {
        this(store, store);
    }

    /**
     * @param shows  layouts, checkpoints, journals ({@link Journal})
     * @param recent idempotency records ({@link RecentCommands}); may be the same store
     */
    public Ledger(LedgerStore shows, LedgerStore recent) {
        this.snapshotMarks = new SnapshotMarks(shows);
        this.journal = new Journal(shows, snapshotMarks);
        this.recent = new RecentCommands(recent);
        this.book = new ShowBook(this::load);
        this.reads = new LedgerReads(book, journal);
        book.waiting(journal.showIds());
        journal.archived().forEach(book::archived);
    }

    private ShowState load(String showId) {
        long started = System.nanoTime();
        ShowState show = stored(() -> journal.load(showId));
        scheduleActive(show);
        loadNanos += System.nanoTime() - started;
        showsLoaded++;
        return show;
    }

    /**
     * Loads the next show of the store that nothing has named yet, if any; returns how many it loaded
     * (0 or 1). Until a show is loaded its holds are not in the expiry queue, so the caller calls this
     * until {@link #waitingShows} is 0 (the stream task does, paced, on its punctuations).
     */
    public int loadNextWaiting() {
        return book.loadNextWaiting();
    }

    public int waitingShows() {
        return book.waitingCount();
    }

    /** Shows loaded from the store so far and the time it took (for the restore metric). */
    public long showsLoaded() {
        return showsLoaded;
    }

    public long loadNanos() {
        return loadNanos;
    }

    /**
     * Decides a well-formed command (see {@code CommandCodec}). Holds already due are expired
     * first, so no decision ever sees a hold past its expiry; their EXPIRE events come first.
     */
    public Decision decide(Command c, Instant at) {
        Instant now = millis(at);
        List<ShowEvent> events = new ArrayList<>(expireDue(now));
        long fingerprint = Fingerprint.of(c);
        Codec.Processed seen = stored(() -> recent.processed(c, now, IDEMPOTENCY_WINDOW));
        if (seen != null) {
            CommandResult again = seen.fingerprint() == fingerprint ? seen.result().asDuplicate()
                    : rejected(c, ResultCode.INVALID_COMMAND, "commandId reused with different content");
            return new Decision(again, events);
        }
        CommandResult result;
        try {
            result = accept(c, now, events);
        } catch (Reject r) {
            result = CommandResult.rejected(c.commandId(), c.showId(), c.type(), r.code, r.getMessage(),
                    r.seatErrors, r.areaErrors);
        }
        CommandResult decided = result;
        stored(() -> recent.remember(c, fingerprint, now, decided));
        return new Decision(result, events);
    }

    private CommandResult accept(Command c, Instant now, List<ShowEvent> events) {
        if (c instanceof CreateShow create) {
            ShowState show = BoxOfficeRules.create(book, create);
            show.seq = 1;
            stored(() -> journal.created(show));
            book.put(show);
            events.add(new ShowEvent(c.showId(), 1, now, Cause.CREATE, c.commandId(), c.actor(), null, null, null,
                    null, List.of(), show.availability(),
                    new Layout(create.name(), create.startsAt(), show.policy,
                            create.seats() == null ? List.of() : create.seats(), create.areaDefs(),
                            create.channelDefs())));
            return accepted(c, 1, null, null);
        }
        Change change = switch (c) {
            case HoldSeats h -> HoldRules.hold(book.show(c.showId()), h, now);
            case ExtendHold e -> HoldRules.extend(book.show(c.showId()), e, now);
            case ReleaseHold r -> HoldRules.release(book.show(c.showId()), r, now);
            case ConfirmHold k -> HoldRules.confirm(book.show(c.showId()), k, now);
            case SellSeats s -> BoxOfficeRules.sell(book, s, now);
            case CancelOrder o -> BoxOfficeRules.cancel(book, o, now);
            case BlockSeats b -> BoxOfficeRules.block(book, b, now);
            case UnblockSeats u -> BoxOfficeRules.unblock(book, u, now);
            case ArchiveShow a -> BoxOfficeRules.archive(book, a, now);
            case AssignChannel a -> BoxOfficeRules.assign(book, a, now);
            case CreateShow s -> throw new IllegalStateException("decided above");
        };
        ShowState show = book.find(c.showId());
        ShowEvent event = change.cause == Cause.ARCHIVE ? end(show, change) : commit(show, change);
        events.add(event);
        return accepted(c, event.seq(), change.hold, change.orderId);
    }

    /** The show's last change (see {@link BoxOfficeRules#archive}): then its state leaves memory and store. */
    private ShowEvent end(ShowState show, Change change) {
        apply(show, change);
        ShowEvent event = change.event(show);
        stored(() -> journal.erase(show));
        book.remove(show.showId);
        book.archived(show.showId);
        return event;
    }

    private static CommandResult accepted(Command c, long seq, Hold hold, String orderId) {
        return new CommandResult(c.commandId(), c.showId(), c.type(), Outcome.ACCEPTED, ResultCode.OK, null, seq,
                false, hold, orderId, List.of());
    }

    /**
     * Applies a complete change to memory and journals it. Should applying fail half-way (a bug),
     * the show is loaded again from the store, which has none of the change, and the failure goes
     * up: nothing of the decision remains.
     */
    private ShowEvent commit(ShowState show, Change change) {
        Bin.Out entry = Codec.entry(show.seq + 1, change);
        apply(show, change);
        stored(() -> journal.append(show, entry));
        if (change.opened != null) {
            expiries.add(new Due(change.opened.expiresAt.toEpochMilli(), show.showId, change.opened.holdId));
        }
        if (change.extended != null) {
            expiries.add(new Due(change.extendedTo.toEpochMilli(), show.showId, change.extended.holdId));
        }
        return change.event(show);
    }

    /** Applies a complete change; if that fails half-way, the show is loaded again from the store. */
    private void apply(ShowState show, Change change) {
        try {
            show.apply(change, beforeSeatMove);
        } catch (RuntimeException e) {
            book.put(stored(() -> journal.load(show.showId)));
            throw e;
        }
    }

    private void scheduleActive(ShowState show) {
        for (HoldRec h : show.holds.values()) {
            if (h.active()) {
                expiries.add(new Due(h.expiresAt.toEpochMilli(), show.showId, h.holdId));
            }
        }
    }

    public static CommandResult rejected(Command c, ResultCode code, String message) {
        return CommandResult.rejected(c.commandId(), c.showId(), c.type(), code, message, List.of());
    }

    /**
     * Expires every hold whose {@code expiresAt} is at or before {@code now}, one EXPIRE event per
     * hold, in expiry order. Reads only the head of the expiry queue: cost follows the holds that
     * expire. A hold whose expiry fails unexpectedly leaves no trace and is tried again later.
     */
    public List<ShowEvent> expireDue(Instant at) {
        long now = at.toEpochMilli();
        List<ShowEvent> events = null;
        int done = 0;
        while (!expiries.isEmpty() && expiries.peek().at() <= now && done < EXPIRY_BATCH) {
            Due due = expiries.poll();
            ShowState show = book.find(due.showId());
            HoldRec hold = show == null ? null : show.holds.get(due.holdId());
            if (hold == null || !hold.active() || hold.expiresAt.toEpochMilli() > due.at()) {
                continue; // released, confirmed or extended since
            }
            done++;
            try {
                ShowEvent e = commit(show, HoldRules.expire(show, hold, Instant.ofEpochMilli(now)));
                (events == null ? events = new ArrayList<>() : events).add(e);
            } catch (StoreFailure e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("could not expire hold {} of show {}; trying again in {}", due.holdId(), due.showId(),
                        EXPIRY_RETRY, e);
                expiries.add(new Due(now + EXPIRY_RETRY.toMillis(), due.showId(), due.holdId()));
            }
        }
        return events == null ? List.of() : events;
    }

    /** Deletes idempotency records that can no longer match (older than the window); returns how many. */
    public int forgetProcessed(Instant now) {
        return stored(() -> recent.forget(now));
    }

    private static void stored(Runnable write) {
        stored(() -> {
            write.run();
            return null;
        });
    }

    /** Runs a store access; its failure is a {@link StoreFailure}, never mistaken for a failed decision. */
    private static <T> T stored(java.util.function.Supplier<T> access) {
        try {
            return access.get();
        } catch (StoreFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreFailure(e);
        }
    }

    private static Instant millis(Instant at) {
        return at.getNano() % 1_000_000 == 0 ? at : Instant.ofEpochMilli(at.toEpochMilli());
    }

    // ---- for the snapshot pass and the tests of this package

    ShowState show(String showId) {
        return book.find(showId);
    }

    Iterable<ShowState> shows() {
        return book.all();
    }

    Journal journal() {
        return journal;
    }

    SnapshotMarks snapshotMarks() {
        return snapshotMarks;
    }

    /**
     * Fault injection for tests: {@code hook} runs before each seat of a change is applied and may
     * throw, to prove that a decision failing half-way leaves nothing behind.
     */
    public void beforeSeatMove(IntConsumer hook) {
        this.beforeSeatMove = hook;
    }

    /** Reads of the loaded shows and the journal's counters, for tests, metrics and the benchmark. */
    public LedgerReads reads() {
        return reads;
    }
}
