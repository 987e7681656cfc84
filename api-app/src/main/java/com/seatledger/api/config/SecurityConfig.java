package com.seatledger.api.config;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.seatledger.api.web.Problems;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.ResultCode;

import jakarta.servlet.DispatcherType;

/**
 * HS256 JWT resource server: {@code sub} is the actor, the {@code roles} claim may hold
 * {@code admin}. Seat maps and their streams are public, commands need a token, box-office and
 * show creation need admin. 401 and 403 are problem bodies like every other error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final int MIN_SECRET_BYTES = 32;

    @Bean
    JwtDecoder jwtDecoder(ApiProperties props) {
        String secret = props.jwtSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("SEATLEDGER_JWT_SECRET (seatledger.jwt-secret) must be set to at least "
                    + MIN_SECRET_BYTES + " bytes; only the 'local' profile has a built-in development secret");
        }
        return NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiProperties props) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter jwtAuth = new JwtAuthenticationConverter();
        jwtAuth.setJwtGrantedAuthoritiesConverter(roles);
        // EventSource cannot send headers: the hold stream takes ?access_token= (RFC 6750)
        DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
        tokens.setAllowUriQueryParameter(true);

        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> {
                    a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
                    a.requestMatchers(HttpMethod.GET, "/api/shows", "/api/shows/*", "/api/shows/*/events").permitAll();
                    a.requestMatchers(HttpMethod.POST, "/api/shows", "/api/shows/*/sales",
                            "/api/shows/*/orders/*/cancel", "/api/shows/*/blocks", "/api/shows/*/unblocks",
                            "/api/shows/*/archive")
                            .hasRole(Command.ADMIN_ROLE);
                    a.requestMatchers("/api/**").authenticated();
                    if (props.openOperations()) {
                        a.requestMatchers("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .permitAll();
                    }
                    a.requestMatchers(HttpMethod.GET, "/", "/index.html", "/*.js", "/*.css", "/*.png", "/favicon.ico")
                            .permitAll();
                    a.anyRequest().authenticated();
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

    /** URLs the firewall refuses (encoded '%', '..' segments, ...) answer a problem body, not Boot's error JSON. */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest() {
        return (req, res, e) -> Problems.write(res, HttpStatus.BAD_REQUEST, ResultCode.INVALID_COMMAND.name(),
                "the request URL was rejected: " + e.getMessage());
    }
}
