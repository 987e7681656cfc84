package com.seatledger.ledger.core;

import java.util.List;

import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ShowEvent;

/** What one command produced: its result and the events to publish, in order. */
public record Decision(CommandResult result, List<ShowEvent> events) {
}
