package com.seatledger.api.web;

import java.io.IOException;

/** A request body over its endpoint's limit (413); an IOException so it can surface from a stream read. */
public final class PayloadTooLarge extends IOException {

    public PayloadTooLarge(long limit) {
        super("request body exceeds this endpoint's limit of " + limit + " bytes");
    }
}
