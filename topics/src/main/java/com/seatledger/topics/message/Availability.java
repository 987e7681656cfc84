package com.seatledger.topics.message;

/** Seat counts of one category by status. */
public record Availability(int available, int held, int sold, int blocked) {

    public static final Availability EMPTY = new Availability(0, 0, 0, 0);

    /** One seat moved from {@code from} to {@code to}; {@code from} may be null for a new seat. */
    public Availability move(SeatStatus from, SeatStatus to) {
        int[] c = {available, held, sold, blocked};
        if (from != null) {
            c[from.ordinal()]--;
        }
        c[to.ordinal()]++;
        return new Availability(c[0], c[1], c[2], c[3]);
    }
}
