package com.seatledger.ledger.core;

import static com.seatledger.ledger.Cmd.places;
import static com.seatledger.topics.message.ResultCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.*;

/** General-admission areas: places as counts beside numbered seats, in the same all-or-nothing commands. */
class AreasTest {

    static final String S = "fest";
    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final String ADMIN = Cmd.BOX_OFFICE;

    final LedgerFixture f = new LedgerFixture();

    @BeforeEach
    void show() {
        CommandResult created = f.run(f.cmd.createWithAreas(S, new Policy(null, null, 6, null),
                Cmd.rows("STALLS", "AB", 5), List.of(new AreaDef("FLOOR", "Standing floor", "GA", 10),
                        new AreaDef("LAWN", "Lawn", "GA", 3))));
        assertThat(created.code()).isEqualTo(OK);
    }

    private AreaCounts counts(String area) {
        return f.ledger.show(S).areaCounts(f.ledger.show(S).area(area));
    }

    private Availability ga() {
        return f.ledger.show(S).availability().get("GA");
    }

    @Test
    void createCarriesTheAreasAndCountsThemInTheirCategory() {
        ShowEvent created = f.events.getFirst();
        assertThat(created.layout().areas()).extracting(AreaDef::areaId).containsExactly("FLOOR", "LAWN");
        assertThat(created.availability().get("GA")).isEqualTo(new Availability(13, 0, 0, 0));
        assertThat(created.availability().get("STALLS")).isEqualTo(new Availability(10, 0, 0, 0));
    }

    @Test
    void aHoldTakesPlacesAndSeatsTogether() {
        CommandResult r = f.run(f.cmd.holdPlaces(ALICE, S, "h1", places("FLOOR:2"), "A-1"));
        assertThat(r.code()).isEqualTo(OK);
        assertThat(r.hold().seatIds()).containsExactly("A-1");
        assertThat(r.hold().areas()).containsExactly(new AreaQuantity("FLOOR", 2));
        ShowEvent e = f.lastEvents.getLast();
        assertThat(e.seats()).containsExactly(new SeatChange("A-1", SeatStatus.HELD));
        assertThat(e.areas()).containsExactly(new AreaCounts("FLOOR", 8, 2, 0, 0));
        assertThat(e.availability().get("GA")).isEqualTo(new Availability(11, 2, 0, 0));
        assertThat(e.hold().areas()).containsExactly(new AreaQuantity("FLOOR", 2));
    }

    @Test
    void placesOnlyHoldsWork() {
        CommandResult r = f.run(f.cmd.holdPlaces(ALICE, S, "h1", places("LAWN:3")));
        assertThat(r.code()).isEqualTo(OK);
        assertThat(r.hold().seatIds()).isEmpty();
        assertThat(counts("LAWN")).isEqualTo(new AreaCounts("LAWN", 0, 3, 0, 0));
    }

    @Test
    void tooFewPlacesIsAreaFullAndTakesNothing() {
        f.run(f.cmd.holdPlaces(ALICE, S, "h1", places("LAWN:2")));
        CommandResult r = f.run(f.cmd.holdPlaces(BOB, S, "h2", places("LAWN:2", "FLOOR:1"), "A-2"));
        assertThat(r.code()).isEqualTo(AREA_FULL);
        assertThat(r.areaErrors()).containsExactly(new AreaError("LAWN", AREA_FULL, 2, 1));
        assertThat(r.message()).contains("LAWN").contains("1");
        assertThat(f.status(S, "A-2")).as("all or nothing").isEqualTo(SeatStatus.AVAILABLE);
        assertThat(counts("FLOOR").held()).isZero();
        assertThat(f.lastEvents).isEmpty();
    }

    @Test
    void codesFollowThePrecedenceAcrossSeatsAndAreas() {
        f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
        f.run(f.cmd.holdPlaces(ALICE, S, "h2", places("LAWN:3")));
        CommandResult unknownArea = f.run(f.cmd.holdPlaces(BOB, S, "h3", places("MOON:1", "LAWN:1"), "A-1"));
        assertThat(unknownArea.code()).as("AREA_NOT_FOUND before SEAT_UNAVAILABLE and AREA_FULL").isEqualTo(AREA_NOT_FOUND);
        assertThat(unknownArea.seatErrors()).containsExactly(new SeatError("A-1", SEAT_UNAVAILABLE));
        assertThat(unknownArea.areaErrors()).containsExactly(new AreaError("MOON", AREA_NOT_FOUND, 1, 0),
                new AreaError("LAWN", AREA_FULL, 1, 0));
        CommandResult unknownSeat = f.run(f.cmd.holdPlaces(BOB, S, "h4", places("MOON:1"), "Z-9"));
        assertThat(unknownSeat.code()).as("SEAT_NOT_FOUND first").isEqualTo(SEAT_NOT_FOUND);
        CommandResult full = f.run(f.cmd.holdPlaces(BOB, S, "h5", places("LAWN:1"), "A-1"));
        assertThat(full.code()).as("SEAT_UNAVAILABLE before AREA_FULL").isEqualTo(SEAT_UNAVAILABLE);
    }

    @Test
    void placesCountTowardsTheHolderLimit() {
        assertThat(f.run(f.cmd.holdPlaces(ALICE, S, "h1", places("FLOOR:4"), "A-1")).code()).isEqualTo(OK);
        CommandResult r = f.run(f.cmd.holdPlaces(ALICE, S, "h2", places("FLOOR:1"), "A-2", "A-3"));
        assertThat(r.code()).isEqualTo(HOLDER_LIMIT);
        assertThat(f.run(f.cmd.holdPlaces(ALICE, S, "h3", places("FLOOR:1"))).code()).isEqualTo(OK);
        assertThat(f.ledger.reads().heldBy(S, ALICE)).isEqualTo(6);
    }

    @Test
    void releaseExpiryAndCancelReturnThePlaces() {
        f.run(f.cmd.holdPlaces(ALICE, S, "h1", places("FLOOR:2")));
        f.run(f.cmd.release(ALICE, S, "h1"));
        assertThat(counts("FLOOR")).isEqualTo(new AreaCounts("FLOOR", 10, 0, 0, 0));
        assertThat(f.lastEvents.getLast().areas()).containsExactly(new AreaCounts("FLOOR", 10, 0, 0, 0));

        f.run(f.cmd.holdPlaces(BOB, S, "h2", places("FLOOR:3")));
        List<ShowEvent> expired = f.advance(Duration.ofSeconds(601));
        assertThat(expired).singleElement().satisfies(e -> {
            assertThat(e.cause()).isEqualTo(Cause.EXPIRE);
            assertThat(e.areas()).containsExactly(new AreaCounts("FLOOR", 10, 0, 0, 0));
            assertThat(e.hold().areas()).containsExactly(new AreaQuantity("FLOOR", 3));
        });

        f.run(f.cmd.holdPlaces(ALICE, S, "h3", places("FLOOR:2"), "B-1"));
        assertThat(f.run(f.cmd.confirm(ALICE, S, "h3", "o1")).code()).isEqualTo(OK);
        assertThat(counts("FLOOR")).isEqualTo(new AreaCounts("FLOOR", 8, 0, 2, 0));
        assertThat(ga()).isEqualTo(new Availability(11, 0, 2, 0));
        f.run(f.cmd.cancel(ADMIN, S, "o1"));
        assertThat(counts("FLOOR")).isEqualTo(new AreaCounts("FLOOR", 10, 0, 0, 0));
        assertThat(f.status(S, "B-1")).isEqualTo(SeatStatus.AVAILABLE);
    }

    @Test
    void theBoxOfficeSellsBlocksAndUnblocksPlaces() {
        assertThat(f.run(f.cmd.sellPlaces(ADMIN, S, "o1", places("FLOOR:4"))).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.blockPlaces(ADMIN, S, places("FLOOR:5"))).code()).isEqualTo(OK);
        assertThat(counts("FLOOR")).isEqualTo(new AreaCounts("FLOOR", 1, 0, 4, 5));
        CommandResult tooMany = f.run(f.cmd.sellPlaces(ADMIN, S, "o2", places("FLOOR:2")));
        assertThat(tooMany.code()).isEqualTo(AREA_FULL);
        assertThat(tooMany.areaErrors()).containsExactly(new AreaError("FLOOR", AREA_FULL, 2, 1));
        CommandResult unblockTooMany = f.run(f.cmd.unblockPlaces(ADMIN, S, places("FLOOR:6")));
        assertThat(unblockTooMany.code()).as("only 5 are blocked").isEqualTo(AREA_FULL);
        assertThat(f.run(f.cmd.unblockPlaces(ADMIN, S, places("FLOOR:5"))).code()).isEqualTo(OK);
        assertThat(counts("FLOOR")).isEqualTo(new AreaCounts("FLOOR", 6, 0, 4, 0));
        assertThat(f.run(f.cmd.blockPlaces(ALICE, S, places("FLOOR:1"))).code()).isEqualTo(FORBIDDEN);
    }

    @Test
    void replacingAHoldKeepsThePlacesItStillWants() {
        f.run(f.cmd.holdPlaces(ALICE, S, "h1", places("FLOOR:3", "LAWN:1")));
        CommandResult r = f.run(f.cmd.replacePlaces(ALICE, S, "h2", "h1", places("FLOOR:5")));
        assertThat(r.code()).isEqualTo(OK);
        ShowEvent e = f.lastEvents.getLast();
        assertThat(e.replacedHoldId()).isEqualTo("h1");
        assertThat(e.areas()).containsExactlyInAnyOrder(new AreaCounts("FLOOR", 5, 5, 0, 0),
                new AreaCounts("LAWN", 3, 0, 0, 0));
        assertThat(f.ledger.reads().heldBy(S, ALICE)).isEqualTo(5);
    }

    @Test
    void archiveReturnsHeldPlaces() {
        f.run(f.cmd.holdPlaces(ALICE, S, "h1", places("FLOOR:3")));
        f.run(f.cmd.archive(ADMIN, S));
        assertThat(f.lastEvents.getLast().areas()).containsExactly(new AreaCounts("FLOOR", 10, 0, 0, 0));
    }

    @Test
    void placesSurviveARestartFromCheckpointAndJournal() {
        f.run(f.cmd.holdPlaces(ALICE, S, "h1", places("FLOOR:2"), "A-1"));
        f.run(f.cmd.sellPlaces(ADMIN, S, "o1", places("LAWN:2")));
        f.run(f.cmd.blockPlaces(ADMIN, S, places("FLOOR:1")));
        String before = LedgerModelProperties.describe(f.ledger.show(S));
        f.ledger = new Ledger(f.store);
        assertThat(LedgerModelProperties.describe(f.ledger.show(S))).isEqualTo(before);
        assertThat(counts("FLOOR")).isEqualTo(new AreaCounts("FLOOR", 7, 2, 0, 1));
        assertThat(f.run(f.cmd.release(ALICE, S, "h1")).code()).isEqualTo(OK);
        f.run(f.cmd.cancel(ADMIN, S, "o1"));
        assertThat(counts("LAWN")).isEqualTo(new AreaCounts("LAWN", 3, 0, 0, 0));
    }

    @Test
    void aDuplicateAnswersWithThePlacesOfTheOriginal() {
        HoldSeats h = f.cmd.holdPlaces(ALICE, S, "h1", places("FLOOR:2"));
        CommandResult first = f.run(h);
        f.ledger = new Ledger(f.store);
        CommandResult again = f.run(h);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.hold()).isEqualTo(first.hold());
        HoldSeats rejected = f.cmd.holdPlaces(BOB, S, "h2", places("LAWN:9"));
        CommandResult no = f.run(rejected);
        assertThat(f.run(rejected).areaErrors()).isEqualTo(no.areaErrors()).isNotEmpty();
        HoldSeats otherPlaces = new HoldSeats(h.commandId(), S, ALICE, Cmd.USER, Cmd.T0, "h1", null, null, null, null,
                places("FLOOR:3"));
        assertThat(f.run(otherPlaces).code()).as("same commandId, other places").isEqualTo(INVALID_COMMAND);
    }

    @Test
    void aShowMayHaveAreasOnly() {
        CommandResult r = f.run(f.cmd.createWithAreas("lawn-only", null, List.of(),
                List.of(new AreaDef("LAWN", "Lawn", "GA", 100))));
        assertThat(r.code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.holdPlaces(ALICE, "lawn-only", "h1", places("LAWN:2"))).code()).isEqualTo(OK);
        f.ledger = new Ledger(f.store);
        assertThat(f.ledger.show("lawn-only").areaCounts(0)).isEqualTo(new AreaCounts("LAWN", 98, 2, 0, 0));
    }

    @Test
    void aSnapshotWrittenStraightFromItsPassIsTheMappersJsonOfThatSnapshotAsOfTheStartOfThePass() {
        assertThat(f.run(f.cmd.holdPlaces(ALICE, S, "h1", places("FLOOR:2"), "A-1", "A-2")).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.hold(BOB, S, "h2", "B-1")).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.hold(BOB, S, "h3", "B-2")).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.confirm(BOB, S, "h2", "o1")).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.sellPlaces(ADMIN, S, "o2", places("LAWN:1"), "A-5")).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.sell(ADMIN, S, "o3", "B-5")).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.cancel(ADMIN, S, "o3")).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.block(ADMIN, S, "A-4")).code()).isEqualTo(OK);
        ShowSnapshots snapshots = new ShowSnapshots(f.ledger);
        snapshots.changed(S, f.now);
        ShowSnapshots.Pass pass = snapshots.begin(f.now.plusSeconds(10));
        String expected = Json.MAPPER.writeValueAsString(pass.build().getFirst());
        assertThat(expected).contains("\"orders\"", "\"areas\":[{\"areaId\":\"FLOOR\",\"quantity\":2}]", "\"policy\"");

        // the ledger goes on deciding while the pass is written on another thread
        f.now = f.now.plusSeconds(1);
        assertThat(f.run(f.cmd.extend(ALICE, S, "h1", 900)).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.release(BOB, S, "h3")).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.hold(BOB, S, "h4", "B-3")).code()).isEqualTo(OK);
        assertThat(f.run(f.cmd.cancel(ADMIN, S, "o1")).code()).isEqualTo(OK);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        pass.shows().getFirst().writeJson(out);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
