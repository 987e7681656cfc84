package com.seatledger.ledger.core;

import static com.seatledger.topics.message.ResultCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.message.*;

/** A ledger on an in-memory store with one show {@value #S} created: what the rule and storage suites share. */
abstract class LedgerSuite {

    static final String S = "s1";
    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final String ADMIN = Cmd.BOX_OFFICE;

    LedgerFixture f = new LedgerFixture();

    static List<SeatDef> layout() {
        List<SeatDef> seats = new ArrayList<>(Cmd.rows("STALLS", "ABCDE", 10));
        seats.addAll(Cmd.rows("BALCONY", "F", 4));
        return seats;
    }

    void createShow(Policy policy) {
        assertThat(f.run(f.cmd.create(S, policy, layout())).code()).isEqualTo(OK);
    }

    @BeforeEach
    void show() {
        createShow(null);
    }

    static List<String> seatErrors(CommandResult r) {
        return r.seatErrors().stream().map(e -> e.seatId() + ":" + e.reason()).toList();
    }
}
