package com.seatledger.topics.message;

/** "Give me the best {@code quantity} seats of {@code category}"; {@code adjacent} defaults to true. */
public record BestAvailable(String category, Integer quantity, Boolean adjacent) {

    public boolean wantsAdjacent() {
        return adjacent == null || adjacent;
    }
}
