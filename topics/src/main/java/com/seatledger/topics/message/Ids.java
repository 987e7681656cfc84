package com.seatledger.topics.message;

import java.util.regex.Pattern;

/** The id grammar of SPEC §3.1, used for commandId, showId, seatId, holdId and orderId. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** How a broken id is described in an error message. */
    public static final String RULE = "must be 1-64 characters of [A-Za-z0-9._:-]";

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private Ids() {
    }
}
