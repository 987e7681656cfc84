package com.seatledger.topics.message;

/** An area as a seat map shows it: its definition and its places by status. */
public record ShowArea(String areaId, String name, String category, int capacity, int available, int held, int sold,
        int blocked) {

    public ShowArea with(AreaCounts c) {
        return new ShowArea(areaId, name, category, capacity, c.available(), c.held(), c.sold(), c.blocked());
    }

    public AreaCounts counts() {
        return new AreaCounts(areaId, available, held, sold, blocked);
    }
}
