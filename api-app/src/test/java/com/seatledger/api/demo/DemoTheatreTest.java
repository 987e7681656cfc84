package com.seatledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.seatledger.api.web.Requests;
import com.seatledger.ledger.core.Ledger;
import com.seatledger.ledger.core.MemoryStore;
import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.ResultCode;

/** The demo theatre, decided by the real ledger core with the demo's policy (orphan seats prevented). */
class DemoTheatreTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    final Ledger ledger = new Ledger(new MemoryStore());

    CommandResult run(HoldSeats hold) {
        return ledger.decide(hold, NOW).result();
    }

    HoldSeats best(String id, String actor, List<String> channels, BestAvailable want) {
        return new HoldSeats(id, DemoTheatre.SHOW_ID, actor, List.of(), NOW, "h-" + id, null, want, null, null, null,
                channels);
    }

    @Test
    void aWheelchairSpaceWithItsCompanionAndAPresaleCanBeHeldAsTheFrontDoorPromises() {
        Requests.CreateShow s = DemoTheatre.show();
        assertThat(ledger.decide(new CreateShow("c-0", s.showId(), "boxoffice", List.of("admin"), NOW, s.name(),
                s.startsAt(), s.seats(), s.policy(), s.areas(), s.channels()), NOW).result().code()).isEqualTo(ResultCode.OK);

        CommandResult wheelchair = run(best("c-1", "wendy", null,
                new BestAvailable("STANDARD", 1, true, null, List.of("WHEELCHAIR"), List.of(), 1)));
        assertThat(wheelchair.code()).as(wheelchair.message()).isEqualTo(ResultCode.OK);
        assertThat(wheelchair.hold().seatIds()).containsExactly("ST-Y-3", "ST-Y-4");

        CommandResult presale = run(best("c-2", "carol", List.of(DemoTheatre.FAN_CLUB),
                new BestAvailable("STANDARD", 2, true, DemoTheatre.FAN_CLUB, List.of(), List.of(), null)));
        assertThat(presale.code()).isEqualTo(ResultCode.OK);
        assertThat(presale.hold().seatIds()).allMatch(id -> id.startsWith("CI-A-"));
        assertThat(run(best("c-3", "pub", null,
                new BestAvailable("STANDARD", 2, true, DemoTheatre.FAN_CLUB, List.of(), List.of(), null))).code())
                .isEqualTo(ResultCode.CHANNEL_RESTRICTED);
        assertThat(run(best("c-4", "rita", null, new BestAvailable("BALCONY", 2, true))).hold().seatIds())
                .as("the restricted-view row comes last").allMatch(id -> id.startsWith("BA-A-"));
    }
}
