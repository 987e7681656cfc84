package com.seatledger.api.config;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.seatledger.api.command.RateLimiter;
import com.seatledger.api.sse.SseHub;
import com.seatledger.api.view.Views;

/** Periodic chores: SSE heartbeats and expiry notices each second; forgetting old holds and idle buckets. */
@Component
class Housekeeping {

    private final SseHub hub;
    private final Views views;
    private final RateLimiter limiter;
    private final ApiProperties props;
    private final Clock clock;

    Housekeeping(SseHub hub, Views views, RateLimiter limiter, ApiProperties props, Clock clock) {
        this.hub = hub;
        this.views = views;
        this.limiter = limiter;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1_000)
    void everySecond() {
        hub.tick();
    }

    @Scheduled(fixedDelay = 60_000)
    void everyMinute() {
        views.forgetEndedHolds(clock.instant().minus(props.views().endedHoldRetention()));
        limiter.forgetIdle();
    }
}
