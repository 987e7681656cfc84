package com.seatledger.api.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import com.seatledger.api.command.CommandGateway;
import com.seatledger.api.view.HoldBody;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.Ids;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;

/**
 * The on-sale's hot route, {@code POST /api/shows/{showId}/holds}, answered straight from the
 * servlet filters when the request is an ordinary one: a bearer token that verifies, a JSON body of
 * known length that maps, no query, an answer type the route gives. It does what the filter chain,
 * Spring MVC and {@link HoldsController#hold} do for such a request (verify the token, read the
 * caller's roles and channels with the same converter, build the same HOLD, answer the same status,
 * headers and body, map refusals with {@link ApiExceptionHandler#commandProblem}) without their
 * layers, which cost more CPU than the rest of a hold (docs/perf/log.md). Anything else (no token,
 * a bad one, malformed JSON, an odd media type or URL) goes down the filter chain untouched, its
 * body still readable, and gets the full stack's answer: the two paths give one API.
 */
public final class HoldRoute implements Filter {

    static final String PATTERN = "/api/shows/{showId}/holds";
    private static final String PREFIX = "/api/shows/";
    private static final String SUFFIX = "/holds";
    private static final String JSON_WITH_PARAMETERS = MediaType.APPLICATION_JSON_VALUE + ";";
    /** The headers Spring Security's defaults write on every answer of the filter chain, by the same writers. */
    private static final List<HeaderWriter> SECURITY_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));

    private final BearerTokenResolver bearerTokens;
    private final JwtDecoder tokens;
    private final Converter<Jwt, ? extends AbstractAuthenticationToken> authentication;
    private final Commands commands;
    private final CommandGateway gateway;
    private final Counter direct;

    public HoldRoute(BearerTokenResolver bearerTokens, JwtDecoder tokens,
            Converter<Jwt, ? extends AbstractAuthenticationToken> authentication, Commands commands,
            CommandGateway gateway, MeterRegistry registry) {
        this.bearerTokens = bearerTokens;
        this.tokens = tokens;
        this.authentication = authentication;
        this.commands = commands;
        this.gateway = gateway;
        this.direct = Counter.builder("seatledger.holds.direct")
                .description("hold requests answered by the direct route, without Spring MVC (the rest took the full stack)")
                .register(registry);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        String showId = ordinaryHold(req);
        Caller caller = showId == null ? null : caller(req);
        if (caller == null) {
            chain.doFilter(req, res);
            return;
        }
        byte[] bytes = req.getInputStream().readNBytes(req.getContentLength());
        Requests.Hold body = parse(bytes);
        if (body == null) {
            // the full stack says what is wrong with the body, in the same words as for every route
            chain.doFilter(new ReadAgain(req, bytes), res);
            return;
        }
        direct.increment();
        ServerHttpObservationFilter.findObservationContext(req).ifPresent(o -> o.setPathPattern(PATTERN));
        for (HeaderWriter h : SECURITY_HEADERS) {
            h.writeHeaders(req, res);
        }
        try {
            CommandResult r = gateway.decide(HoldsController.hold(showId, body,
                    commands.envelope(caller, req.getHeader(Commands.IDEMPOTENCY_KEY))));
            res.setHeader(HttpHeaders.LOCATION, HoldsController.location(r));
            write(res, HttpStatus.CREATED.value(), MediaType.APPLICATION_JSON_VALUE,
                    HttpJson.MAPPER.writeValueAsBytes(HoldBody.of(showId, r.hold(), r.seq(), null)));
        } catch (RuntimeException e) {
            ResponseEntity<ProblemDetail> p = ApiExceptionHandler.commandProblem(e);
            if (p.getBody().getInstance() == null) {
                // as Spring MVC fills it in
                p.getBody().setInstance(URI.create(req.getRequestURI()));
            }
            p.getHeaders().forEach((name, values) -> values.forEach(v -> res.addHeader(name, v)));
            write(res, p.getStatusCode().value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    HttpJson.MAPPER.writeValueAsBytes(p.getBody()));
        }
    }

    /** The show of a hold request this route answers itself, or null for one the full stack answers. */
    static String ordinaryHold(HttpServletRequest req) {
        String uri = req.getRequestURI();
        if (!"POST".equals(req.getMethod()) || !uri.startsWith(PREFIX) || !uri.endsWith(SUFFIX)
                || uri.length() <= PREFIX.length() + SUFFIX.length() || req.getQueryString() != null
                || !json(req.getContentType()) || !answersJson(req.getHeader(HttpHeaders.ACCEPT))
                || req.getContentLength() <= 0
                || req.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return null;
        }
        String showId = uri.substring(PREFIX.length(), uri.length() - SUFFIX.length());
        return Ids.valid(showId) ? showId : null;
    }

    private static boolean json(String contentType) {
        return contentType != null && (contentType.equalsIgnoreCase(MediaType.APPLICATION_JSON_VALUE)
                || contentType.regionMatches(true, 0, JSON_WITH_PARAMETERS, 0, JSON_WITH_PARAMETERS.length()));
    }

    /** Accept headers that certainly allow the route's JSON answers; others go the full way (406 and its kin). */
    private static boolean answersJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE)
                || accept.equals("application/json, */*") || accept.equals("application/json, text/plain, */*");
    }

    /**
     * The caller of a request with a bearer token that verifies, read by the filter chain's own token
     * resolver and decoder; null otherwise (the filter chain answers: 401, in its words).
     */
    private Caller caller(HttpServletRequest req) {
        try {
            String token = bearerTokens.resolve(req);
            return token == null ? null : Caller.of(authentication.convert(tokens.decode(token)));
        } catch (RuntimeException e) {
            // a malformed or unverified token, or a provider that cannot be reached
            return null;
        }
    }

    private static Requests.Hold parse(byte[] bytes) {
        try {
            return HttpJson.MAPPER.readValue(bytes, Requests.Hold.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void write(HttpServletResponse res, int status, String type, byte[] body) throws IOException {
        res.setStatus(status);
        res.setContentType(type);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /** The request with its body, already read here, readable again by the filter chain. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest req, byte[] body) {
            super(req);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
