package com.seatledger.api.web;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.seatledger.api.command.Admission;

/**
 * Admission control in front of the servlet layer: Jetty hands each request to this handler before
 * the servlet context, its session and security handlers, the servlet request and response objects
 * and the filter chain exist for it. Under an overload most commands are refused, and a refusal
 * made there cost ~75 µs of the api-app's CPU on the 2-core Intel machine; every microsecond of it
 * is taken from the decisions the instance could still make (docs/perf/log.md). An admitted
 * command's ticket rides on the request to {@link AdmissionFilter}, which binds it for the gateway;
 * the ticket is closed when the exchange completes, whatever became of it.
 */
public final class AdmissionHandler extends Handler.Wrapper {

    /** The request attribute that carries an admitted command's ticket to {@link AdmissionFilter}. */
    static final String TICKET = Admission.Ticket.class.getName();

    private final Admission admission;
    private final AdmissionRefusals refusals;

    public AdmissionHandler(Handler next, Admission admission, AdmissionRefusals refusals) {
        super(next);
        this.admission = admission;
        this.refusals = refusals;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!AdmissionRefusals.isCommand(request.getMethod(), request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        Admission.Admitted a = admission.admit(request.getBeginNanoTime());
        Admission.Ticket ticket = a.ticket();
        if (ticket == null) {
            refusals.count(a.refusal());
            response.setStatus(AdmissionRefusals.STATUS);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, AdmissionRefusals.retryAfter());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, AdmissionRefusals.CONTENT_TYPE);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, AdmissionRefusals.BODY.length);
            response.write(true, ByteBuffer.wrap(AdmissionRefusals.BODY), callback);
            return true;
        }
        request.setAttribute(TICKET, ticket);
        // also when no filter ran (Jetty's own 404, a failure before the servlet): the slot comes free
        Request.addCompletionListener(request, failure -> ticket.close());
        return super.handle(request, response, callback);
    }
}
