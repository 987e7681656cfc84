package com.seatledger.api.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatError;

import jakarta.servlet.http.HttpServletResponse;

/** RFC 9457 problem bodies with a {@code code} member (docs/api.md), and the status of every code. */
public final class Problems {

    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String LEDGER_UNAVAILABLE = "LEDGER_UNAVAILABLE";
    /** The api-app's own: the SSE connection cap of this instance is reached (503). */
    public static final String TOO_MANY_STREAMS = "TOO_MANY_STREAMS";
    /** The web layer's own refusals: no such path, method, body type or answer type. */
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private static final Map<ResultCode, HttpStatus> STATUS = Map.ofEntries(
            Map.entry(ResultCode.OK, HttpStatus.OK),
            Map.entry(ResultCode.INVALID_COMMAND, HttpStatus.BAD_REQUEST),
            Map.entry(ResultCode.FORBIDDEN, HttpStatus.FORBIDDEN),
            Map.entry(ResultCode.NOT_HOLDER, HttpStatus.FORBIDDEN),
            Map.entry(ResultCode.SHOW_NOT_FOUND, HttpStatus.NOT_FOUND),
            Map.entry(ResultCode.HOLD_NOT_FOUND, HttpStatus.NOT_FOUND),
            Map.entry(ResultCode.ORDER_NOT_FOUND, HttpStatus.NOT_FOUND),
            Map.entry(ResultCode.SHOW_EXISTS, HttpStatus.CONFLICT),
            Map.entry(ResultCode.SEAT_UNAVAILABLE, HttpStatus.CONFLICT),
            Map.entry(ResultCode.HOLD_NOT_ACTIVE, HttpStatus.CONFLICT),
            Map.entry(ResultCode.HOLD_EXPIRED, HttpStatus.GONE),
            Map.entry(ResultCode.SEAT_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ResultCode.HOLDER_LIMIT, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ResultCode.HOLD_TOO_LONG, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ResultCode.ORPHAN_SEAT, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ResultCode.NOT_ENOUGH_SEATS, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ResultCode.AREA_FULL, HttpStatus.CONFLICT),
            Map.entry(ResultCode.CHANNEL_RESTRICTED, HttpStatus.CONFLICT),
            Map.entry(ResultCode.AREA_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT));

    /** The code of a refusal by the web layer itself (no such path, wrong method, ...), by its status. */
    public static String webCode(int status) {
        return switch (status) {
            case 400 -> ResultCode.INVALID_COMMAND.name();
            case 401 -> UNAUTHORIZED;
            case 403 -> ResultCode.FORBIDDEN.name();
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> LEDGER_UNAVAILABLE;
            default -> status < 500 ? ResultCode.INVALID_COMMAND.name() : INTERNAL_ERROR;
        };
    }

    public static HttpStatus status(ResultCode code) {
        return STATUS.get(code);
    }

    public static ProblemDetail body(HttpStatus status, String code, String detail, List<SeatError> seatErrors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://seatledger.example/problems/" + code.toLowerCase().replace('_', '-')));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("code", code);
        if (seatErrors != null && !seatErrors.isEmpty()) {
            p.setProperty("seatErrors", seatErrors);
        }
        return p;
    }

    /** Writes a problem body straight to a servlet response: for the places that run before Spring MVC. */
    public static void write(HttpServletResponse res, HttpStatus status, String code, String detail)
            throws IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        HttpJson.MAPPER.writeValue(res.getOutputStream(), body(status, code, detail, List.of()));
    }

    /** A problem body as bytes, to be written as it is. */
    public static byte[] bytes(HttpStatus status, String code, String detail) {
        return HttpJson.MAPPER.writeValueAsBytes(body(status, code, detail, List.of()));
    }

    /** A problem body of the web layer's own refusal with this status, as bytes: for the server's error handler. */
    public static byte[] bytes(int status, String detail) {
        HttpStatus http = HttpStatus.resolve(status);
        if (http == null) {
            http = HttpStatus.BAD_REQUEST;
        }
        return bytes(http, webCode(http.value()), detail);
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail,
            List<SeatError> seatErrors, Duration retryAfter) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            b.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        return b.body(body(status, code, detail, seatErrors));
    }

    private Problems() {
    }
}
