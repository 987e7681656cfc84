package com.seatledger.ledger.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowEvent;

/** A ledger on an in-memory store with a hand-driven clock, recording every event. */
class LedgerFixture {

    final MemoryStore store = new MemoryStore();
    Ledger ledger = new Ledger(store);
    final Cmd cmd = new Cmd();
    final List<ShowEvent> events = new ArrayList<>();
    Instant now = Cmd.T0;
    List<ShowEvent> lastEvents = List.of();

    CommandResult run(Command c) {
        Decision d = ledger.decide(c, now);
        lastEvents = d.events();
        events.addAll(d.events());
        return d.result();
    }

    List<ShowEvent> advance(Duration d) {
        now = now.plus(d);
        lastEvents = ledger.expireDue(now);
        events.addAll(lastEvents);
        return lastEvents;
    }

    SeatStatus status(String show, String seat) {
        return ledger.reads().status(show, seat);
    }

    Hold hold(String show, String holdId) {
        return ledger.reads().hold(show, holdId);
    }

    ShowEvent lastEvent() {
        return events.get(events.size() - 1);
    }
}
