package com.seatledger.topics.message;


/** The id grammar of the contract, used for commandId, showId, seatId, holdId and orderId. */
public final class Ids {

    /** How a broken id is described in an error message. */
    public static final String RULE = "must be 1-64 characters of [A-Za-z0-9._:-]";

    /** A plain loop, not a regex: every command checks several ids. */
    public static boolean valid(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private Ids() {
    }
}
