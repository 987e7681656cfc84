package com.seatledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Which hold requests the direct route answers itself; everything else reaches the filter chain
 * untouched, its body still readable. (That both ways give the same answers: ApiIT.)
 */
class HoldRouteTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln";
    private static final JwtDecoder ALICE = token -> Jwt.withTokenValue(token).header("alg", "HS256")
            .subject("alice").issuedAt(Instant.now()).build();

    @Test
    void anOrdinaryHoldIsTheRoutesOwn() {
        assertThat(HoldRoute.ordinaryHold(hold("/api/shows/s-1/holds"))).isEqualTo("s-1");
        MockHttpServletRequest charset = hold("/api/shows/s-1/holds");
        charset.setContentType("application/json; charset=UTF-8");
        assertThat(HoldRoute.ordinaryHold(charset)).isEqualTo("s-1");
        for (String accept : List.of("*/*", "application/json", "application/json, text/plain, */*")) {
            MockHttpServletRequest r = hold("/api/shows/s-1/holds");
            r.addHeader("Accept", accept);
            assertThat(HoldRoute.ordinaryHold(r)).as(accept).isEqualTo("s-1");
        }
    }

    @Test
    void everythingElseTakesTheFullStack() {
        for (String path : List.of("/api/shows/s-1/holds/", "/api/shows//holds", "/api/shows/a%20b/holds",
                "/api/shows/s-1/holdsx", "/api/shows/a/b/holds", "/api/shows/s-1/sales", "/api/shows/s;x=1/holds")) {
            assertThat(HoldRoute.ordinaryHold(hold(path))).as(path).isNull();
        }
        MockHttpServletRequest get = hold("/api/shows/s-1/holds");
        get.setMethod("GET");
        MockHttpServletRequest query = hold("/api/shows/s-1/holds");
        query.setQueryString("access_token=x");
        MockHttpServletRequest form = hold("/api/shows/s-1/holds");
        form.setContentType("application/x-www-form-urlencoded");
        MockHttpServletRequest xml = hold("/api/shows/s-1/holds");
        xml.addHeader("Accept", "application/xml");
        MockHttpServletRequest chunked = hold("/api/shows/s-1/holds");
        chunked.addHeader("Transfer-Encoding", "chunked");
        MockHttpServletRequest empty = hold("/api/shows/s-1/holds");
        empty.setContent(new byte[0]);
        for (var r : Map.of("GET", get, "a query", query, "a form", form, "Accept xml", xml, "chunked", chunked,
                "no body", empty).entrySet()) {
            assertThat(HoldRoute.ordinaryHold(r.getValue())).as(r.getKey()).isNull();
        }
    }

    @Test
    void aTokenThatDoesNotVerifyIsLeftToTheSecurityFilters() throws Exception {
        JwtDecoder refusing = token -> {
            throw new BadJwtException("bad signature");
        };
        for (String header : List.of("Bearer " + TOKEN, "Bearer bad token", "Basic YWxpY2U6cw==", "Bearer  " + TOKEN)) {
            MockHttpServletRequest r = hold("/api/shows/s-1/holds");
            r.addHeader("Authorization", header);
            assertThat(passesOn(header.startsWith("Bearer " + TOKEN) ? refusing : ALICE, r)).as(header)
                    .isEqualTo("{\"seatIds\":[\"A-1\"]}");
        }
    }

    @Test
    void aProviderThatCannotBeReachedIsLeftToTheSecurityFilters() throws Exception {
        JwtDecoder unreachable = token -> {
            throw new IllegalStateException("the issuer's discovery document could not be read");
        };
        MockHttpServletRequest r = hold("/api/shows/s-1/holds");
        r.addHeader("Authorization", "Bearer " + TOKEN);
        assertThat(passesOn(unreachable, r)).isEqualTo("{\"seatIds\":[\"A-1\"]}");
    }

    @Test
    void aBodyThatDoesNotMapReachesTheFullStackWhole() throws Exception {
        for (String body : List.of("{not json", "{\"seatIds\":\"A-1\"}", "{\"ttlSeconds\":\"9\"}", "[]")) {
            MockHttpServletRequest r = hold("/api/shows/s-1/holds");
            r.addHeader("Authorization", "Bearer " + TOKEN);
            r.setContent(body.getBytes(StandardCharsets.UTF_8));
            assertThat(passesOn(ALICE, r)).as(body).isEqualTo(body);
        }
    }

    /** The body the filter chain read after the route passed the request on (fails if it answered itself). */
    private static String passesOn(JwtDecoder decoder, MockHttpServletRequest r) throws Exception {
        HoldRoute route = new HoldRoute(new DefaultBearerTokenResolver(), decoder, new JwtAuthenticationConverter(),
                new Commands(Clock.systemUTC()), null, new SimpleMeterRegistry());
        String[] read = new String[1];
        route.doFilter(r, new MockHttpServletResponse(),
                (rq, rs) -> read[0] = new String(rq.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(read[0]).as("the filter chain was reached").isNotNull();
        return read[0];
    }

    private static MockHttpServletRequest hold(String uri) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", uri);
        r.setContentType("application/json");
        r.setContent("{\"seatIds\":[\"A-1\"]}".getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
