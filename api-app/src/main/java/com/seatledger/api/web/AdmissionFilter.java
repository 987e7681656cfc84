package com.seatledger.api.web;

import java.io.IOException;

import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.seatledger.api.command.Admission;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Admission control's side in the filter chain, first after the body limit: it binds an admitted
 * command's ticket for the gateway and keeps the answer whole. The ticket comes from
 * {@link AdmissionHandler}, which admits or refuses in front of the servlet layer; a command that
 * arrives without one (a servlet container without that handler) is admitted or refused here, the
 * same way, before the token is even verified. Reads, SSE streams and health are never refused. See
 * {@link Admission}.
 */
public final class AdmissionFilter extends OncePerRequestFilter {

    private final Admission admission;
    private final AdmissionRefusals refusals;

    public AdmissionFilter(Admission admission, AdmissionRefusals refusals) {
        this.admission = admission;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest req) {
        return !AdmissionRefusals.isCommand(req.getMethod(), req.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        Admission.Ticket ticket = (Admission.Ticket) req.getAttribute(AdmissionHandler.TICKET);
        if (ticket == null) {
            Admission.Admitted a = admission.admit(arrivedNanos(req));
            if (a.ticket() == null) {
                refusals.count(a.refusal());
                res.setStatus(AdmissionRefusals.STATUS);
                res.setHeader(HttpHeaders.RETRY_AFTER, AdmissionRefusals.retryAfter());
                res.setContentType(AdmissionRefusals.CONTENT_TYPE);
                res.setContentLength(AdmissionRefusals.BODY.length);
                res.getOutputStream().write(AdmissionRefusals.BODY);
                return;
            }
            ticket = a.ticket();
        }
        // the answer is a small JSON body: kept whole and written once with its Content-Length, instead of
        // a chunk and then the terminating chunk (two writes to the socket per command)
        ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(res);
        try (Admission.Ticket t = ticket) {
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
