package com.seatledger.api.web;

import java.io.IOException;

/** A request body over its endpoint's limit (413); an IOException so it can surface from a stream read. */
public final class PayloadTooLarge extends IOException {

    private final boolean bodyLeftUnread;

    public PayloadTooLarge(long limit) {
        this(limit, false);
    }

    /** {@code bodyLeftUnread}: the rest of the body is still on the connection, so the answer must close it. */
    public PayloadTooLarge(long limit, boolean bodyLeftUnread) {
        super("request body exceeds this endpoint's limit of " + limit + " bytes");
        this.bodyLeftUnread = bodyLeftUnread;
    }

    public boolean bodyLeftUnread() {
        return bodyLeftUnread;
    }
}
