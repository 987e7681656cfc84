package com.seatledger.api.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.seatledger.api.web.Problems;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.ResultCode;

import jakarta.servlet.DispatcherType;

/**
 * JWT resource server: {@code sub} is the actor, the roles claim ({@code roles} unless configured)
 * may hold {@code admin}; tokens are HS256 with a shared secret or an identity provider's. Seat maps and their streams are public, commands need a token, box-office and
 * show creation need admin. 401 and 403 are problem bodies like every other error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final int MIN_SECRET_BYTES = 32;

    /**
     * Tokens from an identity provider when one is configured (its JWKS, RS256/ES256, keys rotated by
     * {@code kid}), else HS256 with the shared secret.
     */
    @Bean
    JwtDecoder jwtDecoder(ApiProperties props) {
        return new CachingJwtDecoder(decoder(props), CachingJwtDecoder.DEFAULT_SIZE);
    }

    static JwtDecoder decoder(ApiProperties props) {
        String issuer = props.jwtIssuerUri();
        if (props.jwkSetUri() != null) {
            NimbusJwtDecoder d = NimbusJwtDecoder.withJwkSetUri(props.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build();
            d.setJwtValidator(issuer == null ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
            return d;
        }
        if (issuer != null) {
            // OpenID discovery on the first token, not at start-up: the api-app starts while the provider is away
            return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
        }
        String secret = props.jwtSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("SEATLEDGER_JWT_SECRET (seatledger.jwt-secret) must be set to at least "
                    + MIN_SECRET_BYTES + " bytes, or SEATLEDGER_JWT_ISSUER_URI / SEATLEDGER_JWK_SET_URI to take tokens "
                    + "from an identity provider; only the 'local' profile has a built-in development secret");
        }
        return NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
    }

    /**
     * Roles from the claim {@code claim}: a top-level claim of that name (providers namespace theirs,
     * e.g. {@code https://example.com/roles}), else a dotted path into nested claims
     * ({@code realm_access.roles}); an array of names or one space-separated string.
     */
    static Converter<Jwt, Collection<GrantedAuthority>> roles(String claim) {
        return jwt -> authorities(jwt, claim, "ROLE_", new ArrayList<>());
    }

    /**
     * Roles (as {@code ROLE_} authorities) and the sales channels the token may buy from (as
     * {@code CHANNEL_} authorities, see {@link com.seatledger.api.web.Caller}), each from its
     * configured claim, read alike.
     */
    static Converter<Jwt, Collection<GrantedAuthority>> rolesAndChannels(String rolesClaim, String channelsClaim) {
        return jwt -> authorities(jwt, channelsClaim, com.seatledger.api.web.Caller.CHANNEL,
                authorities(jwt, rolesClaim, "ROLE_", new ArrayList<>()));
    }

    private static List<GrantedAuthority> authorities(Jwt jwt, String claim, String prefix, List<GrantedAuthority> to) {
        Object node = jwt.getClaims().get(claim);
        if (node == null) {
            node = jwt.getClaims();
            for (String step : claim.split("\\.")) {
                node = node instanceof Map<?, ?> m ? m.get(step) : null;
            }
        }
        Collection<?> names = node instanceof Collection<?> c ? c
                : node instanceof String s ? List.of(s.split(" ")) : List.of();
        for (Object name : names) {
            if (name instanceof String n && !n.isBlank()) {
                to.add(new SimpleGrantedAuthority(prefix + n));
            }
        }
        return to;
    }

    /** A verified token to the caller's authentication: its roles and channels (for the filter chain and HoldRoute). */
    @Bean
    JwtAuthenticationConverter jwtAuthentication(ApiProperties props) {
        JwtAuthenticationConverter jwtAuth = new JwtAuthenticationConverter();
        jwtAuth.setJwtGrantedAuthoritiesConverter(rolesAndChannels(props.jwtRolesClaim(), props.jwtChannelsClaim()));
        return jwtAuth;
    }

    /** Where a request's bearer token is read (for the filter chain and HoldRoute). */
    @Bean
    BearerTokenResolver bearerTokens() {
        // EventSource cannot send headers: the hold stream takes ?access_token= (RFC 6750)
        DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
        tokens.setAllowUriQueryParameter(true);
        return tokens;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiProperties props, JwtAuthenticationConverter jwtAuth,
            BearerTokenResolver tokens) throws Exception {

        http.csrf(c -> c.disable())
                // security headers are written before the request is handled, not when the response is
                // committed: an SSE response is committed by a writer thread while the request thread may
                // still be finishing, and two threads writing headers corrupted Tomcat's header table
                // (a NullPointerException under a send, the client closed before its snapshot)
                .headers(h -> h.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a token API keeps no sessions, saves no requests for after a login, has no logout:
                // three filters less on every request
                .requestCache(r -> r.disable())
                .logout(l -> l.disable())
                .authorizeHttpRequests(a -> {
                    a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    a.requestMatchers(HttpMethod.GET, "/api/shows", "/api/shows/*", "/api/shows/*/events").permitAll();
                    a.requestMatchers(HttpMethod.POST, "/api/shows", "/api/shows/*/sales",
                            "/api/shows/*/orders/*/cancel", "/api/shows/*/blocks", "/api/shows/*/unblocks",
                            "/api/shows/*/archive", "/api/shows/*/channels/*/seats")
                            .hasRole(Command.ADMIN_ROLE);
                    a.requestMatchers(HttpMethod.GET, "/api/shows/*/orders", "/api/shows/*/seats/*",
                            "/api/shows/*/channels")
                            .hasRole(Command.ADMIN_ROLE);
                    a.requestMatchers("/api/shows/*/holds", "/api/holds/**").authenticated();
                    var operations = a.requestMatchers("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**",
                            "/swagger-ui.html", "/asyncapi.yaml");
                    if (props.openOperations()) {
                        operations.permitAll();
                    } else {
                        operations.authenticated();
                    }
                    // the API's routes are all named above; anything else is no route at all, and the web
                    // layer answers it (404 NOT_FOUND, 405 METHOD_NOT_ALLOWED) instead of asking for a token
                    a.anyRequest().permitAll();
                })
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(tokens)
                        .jwt(j -> j.jwtAuthenticationConverter(jwtAuth))
                        .authenticationEntryPoint((req, res, e) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(res, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                                    "a valid bearer token is required: " + e.getMessage());
                        })
                        .accessDeniedHandler((req, res, e) -> Problems.write(res, HttpStatus.FORBIDDEN,
                                ResultCode.FORBIDDEN.name(), "this needs role admin")))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((req, res, e) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(res, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                                    "a bearer token is required");
                        })
                        .accessDeniedHandler((req, res, e) -> Problems.write(res, HttpStatus.FORBIDDEN,
                                ResultCode.FORBIDDEN.name(), "this needs role admin")));
        return http.build();
    }

    /**
     * No observations of the filter chain, authentication or authorisation: with them Spring Security
     * wraps each of its filters in an observation decorator on every request (the property
     * management.observations.enable.spring.security only made those observations no-ops, the
     * wrapping stayed; JFR at 1,000 holds/s). http_server_requests still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** URLs the firewall refuses (encoded '%', '..' segments, ...) answer a problem body, not Boot's error JSON. */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest() {
        return (req, res, e) -> Problems.write(res, HttpStatus.BAD_REQUEST, ResultCode.INVALID_COMMAND.name(),
                "the request URL was rejected: " + e.getMessage());
    }
}
