package com.seatledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Tokens from an identity provider: the test is the provider (RSA and EC keys made here, served as
 * a JWK set and an OpenID discovery document over HTTP) and the api-app's decoder and role mapping
 * are the ones {@link SecurityConfig} builds from configuration.
 */
class IdentityProviderTokensTest {

    private HttpServer provider;
    private String issuer;
    private final KeyPair k1 = rsa();
    private final KeyPair k2 = rsa();
    private final KeyPair stranger = rsa();
    private final KeyPair ec = ecKey();

    @BeforeEach
    void serve() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/tickets";
        String jwks = new JWKSet(List.of(
                new RSAKey.Builder((RSAPublicKey) k1.getPublic()).keyID("k1").build(),
                new RSAKey.Builder((RSAPublicKey) k2.getPublic()).keyID("k2").build(),
                new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic()).keyID("e1").build())).toString();
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"],\"subject_types_supported\":[\"public\"]}";
        provider.createContext("/realms/tickets/certs", x -> answer(x, jwks));
        provider.createContext("/realms/tickets/.well-known/openid-configuration", x -> answer(x, discovery));
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void tokensSignedByAnyCurrentKeyOfTheJwkSetAreAccepted() throws JOSEException {
        JwtDecoder decoder = SecurityConfig.decoder(props(null, issuer + "/certs", null));
        assertThat(decoder.decode(rs256("k1", k1, claims("alice", Duration.ofMinutes(5)))).getSubject()).isEqualTo("alice");
        assertThat(decoder.decode(rs256("k2", k2, claims("bob", Duration.ofMinutes(5)))).getSubject())
                .as("a rotated-in key").isEqualTo("bob");
        assertThat(decoder.decode(sign(new ECDSASigner((java.security.interfaces.ECPrivateKey) ec.getPrivate()),
                JWSAlgorithm.ES256, "e1", claims("carol", Duration.ofMinutes(5)))).getSubject()).isEqualTo("carol");
    }

    @Test
    void wrongKeyExpiredAndUnsignedTokensAreRefused() {
        JwtDecoder decoder = SecurityConfig.decoder(props(null, issuer + "/certs", null));
        assertThatThrownBy(() -> decoder.decode(rs256("k1", stranger, claims("mallory", Duration.ofMinutes(5)))))
                .as("signed by a key the provider does not have").isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(rs256("k1", k1, claims("alice", Duration.ofMinutes(-5)))))
                .as("expired").isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(new PlainJWT(claims("mallory", Duration.ofMinutes(5))).serialize()))
                .as("alg none").isInstanceOf(JwtException.class);
        String hs256 = DevTokens.mint("a-shared-secret-of-at-least-32-bytes!!", "mallory", List.of("admin"),
                Duration.ofMinutes(5));
        assertThatThrownBy(() -> decoder.decode(hs256)).as("HS256 when a provider is configured")
                .isInstanceOf(JwtException.class);
    }

    @Test
    void theIssuerIsDiscoveredAndChecked() {
        JwtDecoder decoder = SecurityConfig.decoder(props(issuer, null, null));
        JWTClaimsSet ours = new JWTClaimsSet.Builder(claims("alice", Duration.ofMinutes(5))).issuer(issuer).build();
        assertThat(decoder.decode(rs256("k1", k1, ours)).getSubject()).isEqualTo("alice");
        JWTClaimsSet theirs = new JWTClaimsSet.Builder(ours).issuer("http://elsewhere.example").build();
        assertThatThrownBy(() -> decoder.decode(rs256("k1", k1, theirs))).as("another issuer")
                .isInstanceOf(JwtException.class);
    }

    @Test
    void rolesComeFromTheConfiguredClaimNestedOrNamespaced() {
        JwtDecoder decoder = SecurityConfig.decoder(props(null, issuer + "/certs", null));
        JWTClaimsSet keycloak = new JWTClaimsSet.Builder(claims("alice", Duration.ofMinutes(5)))
                .claim("realm_access", Map.of("roles", List.of("admin", "offline_access"))).build();
        Jwt jwt = decoder.decode(rs256("k1", k1, keycloak));
        assertThat(names(SecurityConfig.roles("realm_access.roles").convert(jwt)))
                .containsExactly("ROLE_admin", "ROLE_offline_access");
        assertThat(names(SecurityConfig.roles("roles").convert(jwt))).as("no such claim: a user").isEmpty();

        JWTClaimsSet auth0 = new JWTClaimsSet.Builder(claims("bob", Duration.ofMinutes(5)))
                .claim("https://tickets.example/roles", List.of("admin")).build();
        assertThat(names(SecurityConfig.roles("https://tickets.example/roles")
                .convert(decoder.decode(rs256("k2", k2, auth0))))).containsExactly("ROLE_admin");
    }

    private static List<String> names(java.util.Collection<GrantedAuthority> roles) {
        return roles.stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static ApiProperties props(String issuerUri, String jwkSetUri, String rolesClaim) {
        return new ApiProperties(null, null, null, null, null, issuerUri, jwkSetUri, rolesClaim, null, null, null, null, null, null, null, null);
    }

    private static JWTClaimsSet claims(String subject, Duration ttl) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.plus(ttl))).build();
    }

    private static String rs256(String kid, KeyPair key, JWTClaimsSet claims) {
        return sign(new RSASSASigner(key.getPrivate()), JWSAlgorithm.RS256, kid, claims);
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange x, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
