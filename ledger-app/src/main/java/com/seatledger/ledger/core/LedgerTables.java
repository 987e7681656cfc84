package com.seatledger.ledger.core;

import com.seatledger.topics.message.Hold;

/**
 * All state of the ledger. {@code holdExpiry} and {@code commandExpiry} are time indexes (see
 * {@link Keys#due}) whose values are keys of {@code holds} and {@code commands}. {@code snapshotsDue}
 * holds the shows changed since their last snapshot (showId to the time of the first such change).
 */
public record LedgerTables(
        Table<ShowRecord> shows,
        Table<SeatRecord> seats,
        Table<Hold> holds,
        Table<String> holdExpiry,
        Table<OrderRecord> orders,
        Table<Integer> heldByActor,
        Table<ProcessedCommand> commands,
        Table<String> commandExpiry,
        Table<Long> snapshotsDue) {

    public static LedgerTables inMemory() {
        return new LedgerTables(new InMemoryTable<>(), new InMemoryTable<>(), new InMemoryTable<>(),
                new InMemoryTable<>(), new InMemoryTable<>(), new InMemoryTable<>(), new InMemoryTable<>(),
                new InMemoryTable<>(), new InMemoryTable<>());
    }
}
