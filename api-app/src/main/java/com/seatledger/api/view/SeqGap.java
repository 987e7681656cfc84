package com.seatledger.api.view;

/** An event whose seq does not follow the view's: the view missed events and must be rebuilt. */
public final class SeqGap extends RuntimeException {

    public SeqGap(String showId, long have, long got) {
        super("show " + showId + ": view at seq " + have + " got seq " + got);
    }
}
