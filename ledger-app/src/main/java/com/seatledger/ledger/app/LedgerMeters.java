package com.seatledger.ledger.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.seatledger.ledger.streams.LedgerMetrics;
import com.seatledger.topics.message.CommandType;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.ResultCode;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The ledger's own meters, on {@code /actuator/prometheus}: decisions by type, outcome and code with
 * their decide time ({@code seatledger.ledger.decisions}), expiry lag, journal entries and checkpoints
 * written, shows and active holds held, and the time tasks took to load their shows.
 *
 * <p>The stream threads start before the meter registry exists (the streams start early, see
 * {@code EarlyStart}), so the counts live here and the registry reads them once it binds: nothing
 * decided or loaded in the first seconds is lost, and the hot path only adds to a {@link LongAdder}.
 */
final class LedgerMeters implements LedgerMetrics, MeterBinder {

    private record Key(String type, String outcome, String code) {
    }

    /** Count and total time of one kind of event. */
    private static final class Tally {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();

        void add(long n) {
            count.increment();
            nanos.add(n);
        }
    }

    private final Map<Key, Tally> decisions = new ConcurrentHashMap<>();
    private final Tally expiryLag = new Tally();
    private final Tally restore = new Tally();
    private final LongAdder journalEntries = new LongAdder();
    private final LongAdder checkpoints = new LongAdder();
    private final Map<String, int[]> sizes = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry r) {
        timer(r, "seatledger.ledger.expiry.lag", "EXPIRE event time minus the hold's expiresAt", expiryLag, null);
        timer(r, "seatledger.ledger.restore", "time tasks took to load from their stores: a task's start (show ids, "
                + "idempotency index), then each batch of shows loaded (checkpoint + journal replay)", restore, null);
        FunctionCounter.builder("seatledger.ledger.journal.entries", journalEntries, LongAdder::doubleValue)
                .description("journal entries written (one per accepted command or expiry)").register(r);
        FunctionCounter.builder("seatledger.ledger.checkpoints", checkpoints, LongAdder::doubleValue)
                .description("show checkpoints written").register(r);
        Gauge.builder("seatledger.ledger.shows", sizes, s -> s.values().stream().mapToInt(v -> v[0]).sum())
                .description("shows held in memory by this instance's tasks").register(r);
        Gauge.builder("seatledger.ledger.holds.active", sizes, s -> s.values().stream().mapToInt(v -> v[1]).sum())
                .description("active holds in this instance's shows").register(r);
        registry = r;
        decisions.forEach((k, t) -> decisionTimer(r, k, t));
    }

    private static void timer(MeterRegistry r, String name, String description, Tally t, Key tags) {
        FunctionTimer.Builder<Tally> b = FunctionTimer.builder(name, t, x -> x.count.longValue(),
                x -> x.nanos.doubleValue(), TimeUnit.NANOSECONDS).description(description);
        if (tags != null) {
            b.tag("type", tags.type()).tag("outcome", tags.outcome()).tag("code", tags.code());
        }
        b.register(r);
    }

    private static void decisionTimer(MeterRegistry r, Key k, Tally t) {
        timer(r, "seatledger.ledger.decisions", "commands decided by the ledger, by type, outcome and code, with"
                + " their decide time", t, k);
    }

    @Override
    public void decided(CommandType type, Outcome outcome, ResultCode code, long nanos) {
        Key key = new Key(String.valueOf(type), outcome.name(), code.name());
        Tally t = decisions.get(key);
        if (t == null) {
            t = decisions.computeIfAbsent(key, k -> {
                Tally fresh = new Tally();
                MeterRegistry r = registry;
                if (r != null) {
                    decisionTimer(r, k, fresh);
                }
                return fresh;
            });
        }
        t.add(nanos);
    }

    @Override
    public void expired(long lagMillis) {
        expiryLag.add(TimeUnit.MILLISECONDS.toNanos(Math.max(0, lagMillis)));
    }

    @Override
    public void loaded(String task, int shows, long nanos) {
        restore.add(nanos);
    }

    @Override
    public void written(long entries, long checkpointCount) {
        journalEntries.add(entries);
        checkpoints.add(checkpointCount);
    }

    @Override
    public void size(String task, int shows, int activeHolds) {
        sizes.put(task, new int[] {shows, activeHolds});
    }

    @Override
    public void closed(String task) {
        sizes.remove(task);
    }
}
