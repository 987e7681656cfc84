package com.seatledger.api.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-actor token buckets: {@code perSecond} commands a second on average, bursts up to
 * {@code burst}. Idle actors' buckets are full again and are forgotten by {@link #forgetIdle}.
 */
public final class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    public RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes one token or throws {@link RateLimited} saying when the next one is there. */
    public void acquire(String actor) {
        if (perSecond <= 0) {
            return;
        }
        long now = nanoClock.getAsLong();
        Bucket b = buckets.computeIfAbsent(actor, a -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) / 1e9 * perSecond);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return;
            }
            throw new RateLimited(Duration.ofNanos((long) Math.ceil((1 - b.tokens) / perSecond * 1e9)));
        }
    }

    /** Drops buckets that have refilled completely: an actor that comes back starts full anyway. */
    public void forgetIdle() {
        long now = nanoClock.getAsLong();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().at) / 1e9 * perSecond >= burst;
            }
        });
    }
}
