package com.seatledger.harness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** HS256 bearer tokens as an identity provider would issue them ({@code sub} = actor, {@code roles}). */
public final class Tokens {

    /** The secret the harness gives api-app (SEATLEDGER_JWT_SECRET). */
    public static final String SECRET = "harness-secret-at-least-thirty-two-bytes-long";

    public static String token(String subject, String... roles) {
        return signed(SECRET, subject, Instant.now().plus(Duration.ofHours(6)), roles);
    }

    /** {@code expiresAt} in the past makes an expired token; another secret a forged one. */
    public static String signed(String secret, String subject, Instant expiresAt, String... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(subject)
                    .claim("roles", List.of(roles)).issueTime(Date.from(expiresAt.minus(Duration.ofHours(6))))
                    .expirationTime(Date.from(expiresAt)).build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Tokens() {
    }
}
