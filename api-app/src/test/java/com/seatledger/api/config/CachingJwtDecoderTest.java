package com.seatledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    /** accepts "good-*" tokens expiring at NOW + 5 min, refuses everything else */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject(token).issuedAt(NOW)
                .expiresAt(NOW.plusSeconds(300)).build();
    };

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() {
        CachingJwtDecoder d = new CachingJwtDecoder(verifier, 10, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(d.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(d.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(d.decode("good-2").getSubject()).isEqualTo("good-2");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        CachingJwtDecoder d = new CachingJwtDecoder(verifier, 10, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> d.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> d.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenPastItsExpiryIsVerifiedAgain() {
        Instant[] now = { NOW };
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        boolean[] providerSaysExpired = { false };
        CachingJwtDecoder d = new CachingJwtDecoder(token -> {
            if (providerSaysExpired[0]) {
                throw new BadJwtException("Jwt expired at " + NOW.plusSeconds(300));
            }
            return verifier.decode(token);
        }, 10, clock);
        d.decode("good-1");
        now[0] = NOW.plusSeconds(359); // within exp + 60 s of skew: still remembered
        d.decode("good-1");
        assertThat(verifications).hasValue(1);
        now[0] = NOW.plusSeconds(361);
        providerSaysExpired[0] = true;
        assertThatThrownBy(() -> d.decode("good-1")).isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
    }
}
