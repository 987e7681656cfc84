package com.seatledger.api.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers tokens that passed verification, by their exact text, for a short while. A buyer sends the
 * same token with every click of an on-sale; verifying it (signature, JSON claims, conversions) each time
 * cost a tenth of the request path's CPU. Only the expiry can change the verdict for the same text, so a
 * remembered token is checked against its {@code exp} (with the validator's clock skew) on every use;
 * tokens that fail are never remembered. A key withdrawn from the identity provider's key set stops
 * being honoured once the entry ages out ({@link #RECHECK_AFTER}).
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final int DEFAULT_SIZE = 20_000;
    static final Duration RECHECK_AFTER = Duration.ofMinutes(2);
    /** the default JwtTimestampValidator's allowance */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final JwtDecoder delegate;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    CachingJwtDecoder(JwtDecoder delegate, int size) {
        this(delegate, size, Clock.systemUTC());
    }

    CachingJwtDecoder(JwtDecoder delegate, int size, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(RECHECK_AFTER).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt != null && !expired(jwt)) {
            return jwt;
        }
        jwt = delegate.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private boolean expired(Jwt jwt) {
        Instant exp = jwt.getExpiresAt();
        return exp != null && clock.instant().isAfter(exp.plus(CLOCK_SKEW));
    }
}
