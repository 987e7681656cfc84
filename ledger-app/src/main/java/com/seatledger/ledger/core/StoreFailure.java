package com.seatledger.ledger.core;

/**
 * The store refused a write or read. Unlike a failed decision this is not the command's fault and
 * must not be dead-lettered: it goes up to Kafka Streams, which aborts the transaction, so whatever
 * part of the decision did reach the store is rolled back with it, and the task reloads.
 */
public final class StoreFailure extends RuntimeException {

    StoreFailure(RuntimeException cause) {
        super("ledger store failed: " + cause.getMessage(), cause);
    }
}
