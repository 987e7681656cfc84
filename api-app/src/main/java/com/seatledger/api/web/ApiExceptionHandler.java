package com.seatledger.api.web;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.seatledger.api.command.BadRequest;
import com.seatledger.api.command.CommandRejected;
import com.seatledger.api.command.LedgerUnavailable;
import com.seatledger.api.command.RateLimited;
import com.seatledger.api.sse.StreamRejected;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ResultCode;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Every error becomes an RFC 9457 problem with a {@code code}; a 500 only for a bug. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(CommandRejected.class)
    ResponseEntity<ProblemDetail> rejected(CommandRejected e) {
        CommandResult r = e.result();
        return Problems.response(Problems.status(r.code()), r.code().name(), e.getMessage(), r.seatErrors(), null);
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequest e) {
        return invalid(e.getMessage());
    }

    @ExceptionHandler(ApiError.class)
    ResponseEntity<ProblemDetail> apiError(ApiError e) {
        return Problems.response(e.status(), e.code(), e.getMessage(), List.of(), null);
    }

    @ExceptionHandler(LedgerUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(LedgerUnavailable e) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, Problems.LEDGER_UNAVAILABLE, e.getMessage(),
                List.of(), Duration.ofSeconds(1));
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimited e) {
        return Problems.response(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, e.getMessage(), List.of(),
                e.retryAfter());
    }

    @ExceptionHandler(StreamRejected.class)
    ResponseEntity<ProblemDetail> streamRejected(StreamRejected e) {
        switch (e.reason()) {
            case SHOW_NOT_FOUND:
                return Problems.response(HttpStatus.NOT_FOUND, ResultCode.SHOW_NOT_FOUND.name(), e.getMessage(),
                        List.of(), null);
            case HOLD_NOT_FOUND:
                return Problems.response(HttpStatus.NOT_FOUND, ResultCode.HOLD_NOT_FOUND.name(), e.getMessage(),
                        List.of(), null);
            default:
                return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, Problems.TOO_MANY_STREAMS, e.getMessage(),
                        List.of(), Duration.ofSeconds(5));
        }
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLarge e) {
        return Problems.response(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, e.getMessage(), List.of(),
                null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLarge p) {
                return cast(tooLarge(p));
            }
        }
        return cast(invalid(readableProblem(ex)));
    }

    /** "field: what was wrong" for a body Jackson could not map, without echoing the input. */
    static String readableProblem(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JacksonException.Reference ref : d.getPath()) {
                if (ref.getPropertyName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    field.append('[').append(ref.getIndex()).append(']');
                }
            }
            return field + ": " + d.getOriginalMessage().split("\n")[0];
        }
        if (cause instanceof JacksonException j) {
            return "body: not valid JSON (" + j.getOriginalMessage().split("\n")[0] + ")";
        }
        return "body: required JSON is missing or unreadable";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (r != null && r.getBody() instanceof ProblemDetail p
                && (p.getProperties() == null || !p.getProperties().containsKey("code"))) {
            p.setProperty("code", codeFor(statusCode));
        }
        return r;
    }

    private static String codeFor(HttpStatusCode status) {
        if (status.value() == 400) {
            return ResultCode.INVALID_COMMAND.name();
        }
        if (status.value() == 413) {
            return Problems.PAYLOAD_TOO_LARGE;
        }
        return status.is4xxClientError() ? Problems.NOT_FOUND : Problems.INTERNAL_ERROR;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> bug(Exception e) {
        log.error("unexpected error", e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR,
                "unexpected error; this is a bug", List.of(), null);
    }

    private static ResponseEntity<ProblemDetail> invalid(String detail) {
        return Problems.response(HttpStatus.BAD_REQUEST, ResultCode.INVALID_COMMAND.name(), detail, List.of(), null);
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> cast(ResponseEntity<?> r) {
        return (ResponseEntity<Object>) r;
    }
}
