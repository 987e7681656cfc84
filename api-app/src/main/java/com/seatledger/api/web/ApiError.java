package com.seatledger.api.web;

import org.springframework.http.HttpStatus;

import com.seatledger.topics.message.ResultCode;

/** An answer the api-app gives from its own views (404 of an unknown show, 403 on another's hold). */
public final class ApiError extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiError(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** What a view read of the show gave, or 404 SHOW_NOT_FOUND when the views have no such show (null). */
    public static <T> T ofShow(String showId, T read) {
        if (read == null) {
            throw new ApiError(HttpStatus.NOT_FOUND, ResultCode.SHOW_NOT_FOUND.name(), "no show " + showId);
        }
        return read;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
