package com.seatledger.api.command;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limit.window.PercentileSampleWindowFactory;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;

/**
 * Admission control for commands. An instance takes on only as many commands at once as it can
 * answer within its latency target and refuses the rest at once (503 + Retry-After), instead of
 * letting them queue until they are useless: at an on-sale's opening the offered load is many times
 * what a cold instance can do, and a request answered after the buyer gave up is work thrown away.
 *
 * <p>The bound on commands in flight is Netflix concurrency-limits' AIMD limit over windows of
 * decisions: a window whose 90th percentile took longer than {@link Settings#targetLatency()}, or in
 * which the ledger did not answer at all, shrinks the bound by a tenth; a faster window with the
 * bound at least half used grows it by one. A request that already waited longer than
 * {@link Settings#maxQueueWait()} before a request thread took it (the machine is starved) is
 * refused too, and every admitted command's whole answer is bounded from when it arrived, so no
 * request waits past the reply timeout.
 */
public final class Admission {

    /** The command in flight on this request thread, bound by the web filter for the gateway. */
    public static final ScopedValue<Ticket> CURRENT = ScopedValue.newInstance();

    /**
     * @param initialLimit  commands in flight allowed at start
     * @param minLimit      the bound never shrinks below this
     * @param maxLimit      nor grows above this (below the request threads, so reads always find one)
     * @param targetLatency the 90th percentile of a window of decisions past which the bound shrinks
     * @param maxQueueWait  a command that waited longer than this for a request thread is refused at once
     */
    public record Settings(boolean enabled, int initialLimit, int minLimit, int maxLimit, Duration targetLatency,
            Duration maxQueueWait) {

        public static final Settings DEFAULTS = new Settings(true, 200, 150, 300, Duration.ofMillis(250),
                Duration.ofMillis(500));
    }

    /** Why a command was refused, a tag of the refusal counter. */
    public enum Refusal {
        /** commands in flight are at the bound */
        LIMIT,
        /** the request waited too long for a thread before it could be looked at */
        QUEUED
    }

    /** Decisions a window needs before it can change the bound. */
    static final int WINDOW_DECISIONS = 10;
    /** The shortest window concurrency-limits allows: the bound moves at most ten times a second. */
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Settings settings;
    private final SimpleLimiter<Void> limiter;
    private final LongSupplier nanoClock;

    public Admission(Settings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
        AIMDLimit aimd = AIMDLimit.newBuilder().initialLimit(settings.initialLimit()).minLimit(settings.minLimit())
                .maxLimit(settings.maxLimit()).backoffRatio(0.9)
                .timeout(settings.targetLatency().toNanos(), TimeUnit.NANOSECONDS).build();
        this.limiter = SimpleLimiter.newBuilder().named("commands").nanoClock(nanoClock)
                .limit(WindowedLimit.newBuilder().minWindowTime(WINDOW_NANOS, TimeUnit.NANOSECONDS)
                        .maxWindowTime(TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS)
                        .windowSize(WINDOW_DECISIONS)
                        .sampleWindowFactory(PercentileSampleWindowFactory.of(0.9, 1_000)).build(aimd))
                .build();
    }

    /**
     * A ticket for a command that arrived at {@code arrivedNanos} (the clock of the constructor), or
     * the reason it is refused. A ticket must be {@link Ticket#close() closed} when its answer is written.
     */
    public Admitted admit(long arrivedNanos) {
        if (!settings.enabled()) {
            return new Admitted(Ticket.untracked(arrivedNanos), null);
        }
        if (nanoClock.getAsLong() - arrivedNanos > settings.maxQueueWait().toNanos()) {
            return new Admitted(null, Refusal.QUEUED);
        }
        Optional<Limiter.Listener> l = limiter.acquire(null);
        return l.isPresent() ? new Admitted(new Ticket(arrivedNanos, l.get()), null) : new Admitted(null, Refusal.LIMIT);
    }

    /** Either a ticket or why there is none. */
    public record Admitted(Ticket ticket, Refusal refusal) {
    }

    /** The current bound on commands in flight. */
    public int limit() {
        return settings.enabled() ? limiter.getLimit() : settings.maxLimit();
    }

    public int inFlight() {
        return limiter.getInflight();
    }

    /**
     * One admitted command: when it arrived, and what became of it. Only a command that reached the
     * ledger tells the bound something (a 400 answered before is fast whatever the load), and a
     * CREATE_SHOW, which writes up to 100,000 seats, says nothing about a hold's latency.
     */
    public static final class Ticket implements AutoCloseable {
        private final long arrivedNanos;
        private final Limiter.Listener listener;
        private volatile boolean decided;
        private volatile boolean unanswered;
        private volatile boolean unusual;
        /** closed by the filter when the answer is written and by the server when the exchange ends: counted once */
        private final AtomicBoolean closed = new AtomicBoolean();

        Ticket(long arrivedNanos, Limiter.Listener listener) {
            this.arrivedNanos = arrivedNanos;
            this.listener = listener;
        }

        /** A command no filter admitted (called outside a web request): bounded from {@code now}, counted nowhere. */
        static Ticket untracked(long now) {
            return new Ticket(now, null);
        }

        /** When the request arrived (before it waited for a request thread). */
        public long arrivedNanos() {
            return arrivedNanos;
        }

        void decided() {
            decided = true;
        }

        void unanswered() {
            unanswered = true;
        }

        /** A command whose latency says nothing about the others' (a CREATE_SHOW). */
        void unusual() {
            unusual = true;
        }

        @Override
        public void close() {
            if (listener == null || !closed.compareAndSet(false, true)) {
                return;
            }
            if (unanswered) {
                listener.onDropped();
            } else if (decided && !unusual) {
                listener.onSuccess();
            } else {
                listener.onIgnore();
            }
        }
    }
}
