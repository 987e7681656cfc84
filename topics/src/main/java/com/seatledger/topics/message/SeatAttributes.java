package com.seatledger.topics.message;

/**
 * The seat attributes that mean something to the ledger. Others are carried and shown only.
 * Best available never picks {@link #WHEELCHAIR} or {@link #COMPANION} seats unless the command
 * requires them, and picks {@link #RESTRICTED_VIEW} seats only when no other run fits.
 */
public final class SeatAttributes {

    /** A wheelchair space. */
    public static final String WHEELCHAIR = "WHEELCHAIR";
    /** A companion seat next to a wheelchair space. */
    public static final String COMPANION = "COMPANION";
    public static final String RESTRICTED_VIEW = "RESTRICTED_VIEW";
    public static final String AISLE = "AISLE";

    private SeatAttributes() {
    }
}
