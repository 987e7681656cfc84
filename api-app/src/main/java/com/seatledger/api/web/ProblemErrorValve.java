package com.seatledger.api.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Errors Tomcat answers itself, before any filter or controller runs (an encoded slash or a
 * malformed URI, for example), as RFC 9457 problem bodies instead of Tomcat's HTML page, so that
 * every 4xx of the API has the same shape.
 */
public class ProblemErrorValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus http = HttpStatus.resolve(status);
        if (http == null) {
            http = HttpStatus.BAD_REQUEST;
        }
        try {
            Problems.write(response, http, Problems.webCode(status),
                    "the request was rejected before it reached the API: " + http.getReasonPhrase());
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is unusable; nothing more to tell
        }
    }
}
