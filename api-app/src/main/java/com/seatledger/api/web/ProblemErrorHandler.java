package com.seatledger.api.web;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Errors Jetty answers itself, before any filter or controller runs (a malformed request line, an
 * ambiguous or encoded path separator, headers too large), as RFC 9457 problem bodies instead of
 * Jetty's HTML page, so that every 4xx of the API has the same shape. Each says {@code Connection:
 * close}: after some of them (a NUL in the path) Jetty closes the connection without saying so, and
 * a client that sent its next request on it got no answer at all (ApiIT saw it once).
 */
public class ProblemErrorHandler extends ErrorHandler {

    private static final HttpField PROBLEM_JSON = new HttpField(HttpHeader.CONTENT_TYPE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    private static final HttpField CLOSE = new HttpField(HttpHeader.CONNECTION, "close");

    /** Jetty writes error bodies for GET and POST only; the API's DELETE and PUT get theirs too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(PROBLEM_JSON);
        response.getHeaders().put(CLOSE);
        response.write(true, ByteBuffer.wrap(Problems.bytes(code, detail(code))), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(PROBLEM_JSON);
        fields.put(CLOSE);
        return ByteBuffer.wrap(Problems.bytes(status, detail(status)));
    }

    private static String detail(int status) {
        HttpStatus http = HttpStatus.resolve(status);
        return "the request was rejected before it reached the API: "
                + (http == null ? "status " + status : http.getReasonPhrase());
    }
}
