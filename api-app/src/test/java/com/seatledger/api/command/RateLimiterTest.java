package com.seatledger.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void allowsABurstThenTheRateAndSaysWhenToRetry() {
        AtomicLong clock = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 3, clock::get);
        limiter.acquire("alice");
        limiter.acquire("alice");
        limiter.acquire("alice");
        assertThatThrownBy(() -> limiter.acquire("alice")).isInstanceOfSatisfying(RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(500)));
        limiter.acquire("bob");
        clock.addAndGet(Duration.ofMillis(500).toNanos());
        limiter.acquire("alice");
    }

    @Test
    void idempotencyKeysAreScopedToTheActorAndValidated() {
        assertThat(CommandIds.commandId("alice", "k1")).isEqualTo(CommandIds.commandId("alice", "k1"))
                .isNotEqualTo(CommandIds.commandId("bob", "k1")).hasSizeLessThanOrEqualTo(64);
        String c = CommandIds.commandId("alice", "k1");
        assertThat(CommandIds.holdId(c, "show-1")).matches("[A-Za-z0-9._:-]{1,64}").isEqualTo(CommandIds.holdId(c, "show-1"))
                .isNotEqualTo(CommandIds.holdId(CommandIds.commandId("alice", "k2"), "show-1"));
        assertThatThrownBy(() -> CommandIds.commandId("alice", "bad key")).isInstanceOf(BadRequest.class)
                .hasMessageContaining("Idempotency-Key");
    }

    @Test
    void aHoldIdNamesItsShowWhenTheShowIdFits() {
        String c = CommandIds.commandId("alice", "k1");
        String fits = "s".repeat(45);
        assertThat(CommandIds.holdId(c, fits)).hasSize(64).matches("[A-Za-z0-9._:-]{1,64}");
        assertThat(CommandIds.showOfHold(CommandIds.holdId(c, fits))).isEqualTo(fits);
        assertThat(CommandIds.showOfHold(CommandIds.holdId(c, "a:b.c"))).isEqualTo("a:b.c");
        String tooLong = "s".repeat(46);
        assertThat(CommandIds.holdId(c, tooLong)).matches("[A-Za-z0-9._:-]{1,64}");
        assertThat(CommandIds.showOfHold(CommandIds.holdId(c, tooLong))).isNull();
        assertThat(CommandIds.showOfHold("h-1")).isNull();
        assertThat(CommandIds.showOfHold("my-own-hold-id:with-colon")).isNull();
    }
}
