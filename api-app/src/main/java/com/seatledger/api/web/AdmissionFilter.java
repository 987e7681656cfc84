package com.seatledger.api.web;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.seatledger.api.command.Admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Admission control at the door of every command route (POST and DELETE under /api/), before the
 * token is even verified: a refused command costs the instance almost nothing, which is the point
 * while it is overloaded. Reads, SSE streams and health are never refused here. See {@link Admission}.
 */
public final class AdmissionFilter extends OncePerRequestFilter {

    /**
     * The refusal's problem body, serialised once: at an opening most commands are refused, on JVMs
     * still warming up, and each refusal should cost as little as possible.
     */
    static final byte[] REFUSED = Problems.bytes(HttpStatus.SERVICE_UNAVAILABLE, Problems.LEDGER_UNAVAILABLE,
            "this instance is at capacity and did not take the command; retry after the Retry-After seconds "
                    + "with the same Idempotency-Key, with some random delay added");

    private final Admission admission;
    private final Counter refusedLimit;
    private final Counter refusedQueued;

    public AdmissionFilter(Admission admission, MeterRegistry registry) {
        this.admission = admission;
        this.refusedLimit = refused(registry, Admission.Refusal.LIMIT);
        this.refusedQueued = refused(registry, Admission.Refusal.QUEUED);
    }

    private static Counter refused(MeterRegistry registry, Admission.Refusal reason) {
        return Counter.builder("seatledger.admission.refused")
                .description("commands refused at once (503) because this instance could not answer them in time")
                .tag("reason", reason.name()).register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        String m = req.getMethod();
        return !("POST".equals(m) || "DELETE".equals(m)) || !req.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        Admission.Admitted a = admission.admit(arrivedNanos(req));
        if (a.ticket() == null) {
            (a.refusal() == Admission.Refusal.QUEUED ? refusedQueued : refusedLimit).increment();
            res.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            // 1 or 2 s: refused clients should not all come back in the same second
            res.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(1 + ThreadLocalRandom.current().nextInt(2)));
            res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            res.setContentLength(REFUSED.length);
            res.getOutputStream().write(REFUSED);
            return;
        }
        // the answer is a small JSON body: kept whole and written once with its Content-Length, instead of
        // a chunk and then the terminating chunk (two writes to the socket per command)
        ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(res);
        try (Admission.Ticket t = a.ticket()) {
            ScopedValue.where(Admission.CURRENT, t).call(() -> {
                chain.doFilter(req, whole);
                return null;
            });
            whole.copyBodyToResponse();
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    /** When Jetty began to read the request, before it waited for a request thread; now elsewhere. */
    private static long arrivedNanos(HttpServletRequest req) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(req);
        return jetty != null ? jetty.getBeginNanoTime() : System.nanoTime();
    }
}
