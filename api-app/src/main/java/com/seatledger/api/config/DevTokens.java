package com.seatledger.api.config;

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

/**
 * Mints HS256 tokens the api-app accepts: for tests and for the local stack's demo users. An
 * identity provider does this in production.
 */
public final class DevTokens {

    public static String mint(String secret, String subject, List<String> roles, Duration ttl) {
        return mint(secret, subject, roles, List.of(), ttl);
    }

    /** A token whose holder may also buy from the sales channels {@code channels} (the {@code channels} claim). */
    public static String mint(String secret, String subject, List<String> roles, List<String> channels, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)));
        if (!channels.isEmpty()) {
            builder.claim("channels", channels);
        }
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with this secret: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** {@code java -cp api-app.jar -Dloader.main=... } or via bin/seat-ledger: prints a token. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: DevTokens <secret> <subject> [role...] ");
            System.exit(2);
        }
        System.out.println(mint(args[0], args[1], List.of(args).subList(2, args.length), Duration.ofHours(12)));
    }

    private DevTokens() {
    }
}
