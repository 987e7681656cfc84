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
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.seatledger.api.command.BadRequest;
import com.seatledger.api.command.CommandRejected;
import com.seatledger.api.command.LedgerUnavailable;
import com.seatledger.api.command.RateLimited;
import com.seatledger.api.sse.StreamRejected;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ResultCode;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error becomes an RFC 9457 problem with a {@code code}; a 500 only for a bug. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({ CommandRejected.class, BadRequest.class, ApiError.class, LedgerUnavailable.class,
            RateLimited.class })
    ResponseEntity<ProblemDetail> command(RuntimeException e) {
        return commandProblem(e);
    }

    /**
     * The answer to what a command route can throw once its request is read: the ledger's refusal, a
     * field the api-app refused itself, a view's own answer, no decision in time, the actor's rate.
     * Shared with {@link HoldRoute}, which answers holds without this class's dispatcher.
     */
    static ResponseEntity<ProblemDetail> commandProblem(RuntimeException e) {
        return switch (e) {
            case CommandRejected c -> {
                CommandResult r = c.result();
                ResponseEntity<ProblemDetail> answer = Problems.response(Problems.status(r.code()), r.code().name(),
                        c.getMessage(), r.seatErrors(), null);
                if (!r.areaErrors().isEmpty()) {
                    answer.getBody().setProperty("areaErrors", r.areaErrors());
                }
                yield answer;
            }
            case BadRequest b -> invalid(b.getMessage());
            case ApiError a -> Problems.response(a.status(), a.code(), a.getMessage(), List.of(), null);
            case LedgerUnavailable u -> Problems.response(HttpStatus.SERVICE_UNAVAILABLE, Problems.LEDGER_UNAVAILABLE,
                    u.getMessage(), List.of(), Duration.ofSeconds(1));
            case RateLimited r -> Problems.response(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED,
                    r.getMessage(), List.of(), r.retryAfter());
            default -> bug(e);
        };
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
            case TOO_MANY_FROM_ADDRESS:
                return Problems.response(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, e.getMessage(),
                        List.of(), Duration.ofSeconds(5));
            default:
                return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, Problems.TOO_MANY_STREAMS, e.getMessage(),
                        List.of(), Duration.ofSeconds(5));
        }
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLarge e) {
        ResponseEntity<ProblemDetail> problem = Problems.response(HttpStatus.CONTENT_TOO_LARGE,
                Problems.PAYLOAD_TOO_LARGE, e.getMessage(), List.of(), null);
        if (!e.bodyLeftUnread()) {
            return problem;
        }
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.CONNECTION, "close").body(problem.getBody());
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

    /**
     * "field: what was wrong" for a body that could not be mapped, in the API's words (JSON types,
     * field paths), never a Java type or a parser option, and without echoing more than a value.
     */
    static String readableProblem(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
            String field = path(d);
            return switch (d) {
                case UnrecognizedPropertyException u -> field + ": unknown field";
                case InvalidFormatException f -> field + ": " + shown(f.getValue()) + " is not " + kind(f.getTargetType());
                case MismatchedInputException m when m.getTargetType() != null -> field + ": must be " + kind(m.getTargetType());
                default -> field + ": not a valid value";
            };
        }
        if (cause instanceof StreamReadException r) {
            TokenStreamLocation at = r.getLocation();
            return "body: not valid JSON" + (at == null || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        if (cause instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "body: must be " + kind(m.getTargetType());
        }
        return "body: a JSON object is required";
    }

    private static String path(DatabindException d) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : d.getPath()) {
            if (ref.getPropertyName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String shown(Object value) {
        String v = String.valueOf(value);
        return "'" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'";
    }

    /** A Java target type in JSON words. */
    static String kind(Class<?> t) {
        if (t == String.class || t == char.class || t == Character.class) {
            return "a string";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class
                || t == Short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(t) || t == double.class || t == float.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(t)) {
            return "an ISO-8601 UTC timestamp such as 2026-12-01T20:00:00Z";
        }
        if (t.isArray() || java.util.Collection.class.isAssignableFrom(t)) {
            return "an array";
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.toString(t.getEnumConstants());
        }
        return "an object";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (r != null && r.getBody() instanceof ProblemDetail p) {
            if (p.getProperties() == null || !p.getProperties().containsKey("code")) {
                p.setProperty("code", Problems.webCode(statusCode.value()));
            }
            String detail = webDetail(ex, request);
            if (detail != null) {
                p.setDetail(detail);
            }
        }
        return r;
    }

    /** What the web layer refused, in words (Spring's own texts name Java parameters and classes). */
    private static String webDetail(Exception ex, WebRequest request) {
        String path = request instanceof ServletWebRequest s ? s.getRequest().getRequestURI() : "this path";
        return switch (ex) {
            case NoResourceFoundException e -> "no such path: " + path;
            case NoHandlerFoundException e -> "no such path: " + path;
            case HttpRequestMethodNotSupportedException e -> "method " + e.getMethod() + " is not allowed on " + path
                    + (e.getSupportedMethods() == null ? "" : "; allowed: " + String.join(", ", e.getSupportedMethods()));
            case HttpMediaTypeNotSupportedException e -> (e.getContentType() == null
                    ? "a Content-Type header is required" : "Content-Type " + e.getContentType() + " is not supported")
                    + "; send application/json";
            case HttpMediaTypeNotAcceptableException e -> "this endpoint cannot answer in a type the Accept header allows; it answers "
                    + e.getSupportedMediaTypes().stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", "));
            case MethodArgumentTypeMismatchException e -> e.getName() + ": " + shown(e.getValue()) + " is not "
                    + (e.getRequiredType() == null ? "valid" : kind(e.getRequiredType()));
            case MissingServletRequestParameterException e -> e.getParameterName() + ": required";
            case MissingRequestHeaderException e -> "header " + e.getHeaderName() + ": required";
            default -> null;
        };
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        return bug(e);
    }

    static ResponseEntity<ProblemDetail> bug(Exception e) {
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
