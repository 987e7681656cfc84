package com.seatledger.ledger.core;

import java.time.Instant;

import com.seatledger.topics.message.CommandResult;

/** The idempotency record of a decided command, kept 24 hours. */
public record ProcessedCommand(String fingerprint, Instant decidedAt, CommandResult result) {
}
