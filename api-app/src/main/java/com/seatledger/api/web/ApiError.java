package com.seatledger.api.web;

import org.springframework.http.HttpStatus;

/** An answer the api-app gives from its own views (404 of an unknown show, 403 on another's hold). */
public final class ApiError extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiError(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
