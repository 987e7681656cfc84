package com.seatledger.ledger.core;

import static com.seatledger.ledger.Cmd.places;
import static com.seatledger.topics.message.ResultCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.message.*;

/**
 * Channels (allocations): seats and area places set aside for a presale or a partner, which only
 * that channel's buyers (and admins) may hold or buy; and seat attributes in best available.
 */
class ChannelsTest {

    static final String S = "arena";
    static final String FAN = "fan";
    static final String PUB = "pub";
    static final String ADMIN = Cmd.BOX_OFFICE;
    static final List<String> FANCLUB = List.of("fanclub");

    final LedgerFixture f = new LedgerFixture();

    /** Rows A and B of 6 seats; A-1..A-3 in the fan club's channel; area PIT of 10 with 4 for the fan club. */
    @BeforeEach
    void createTheArena() {
        CommandResult created = f.run(f.cmd.createWithChannels(S, new Policy(null, null, 8, null),
                Cmd.rows("STALLS", "AB", 6), List.of(new AreaDef("PIT", "Pit", "GA", 10)),
                List.of(new ChannelDef("fanclub", "Fan club", List.of("A-1", "A-2", "A-3"), places("PIT:4")))));
        assertThat(created.code()).isEqualTo(OK);
    }

    private ShowState show() {
        return f.ledger.show(S);
    }

    @Nested
    class Membership {

        @Test
        void createCarriesTheChannelsAndTheirSeats() {
            ShowEvent created = f.events.getFirst();
            assertThat(created.layout().channels()).extracting(ChannelDef::channelId).containsExactly("fanclub");
            assertThat(show().seats()).filteredOn(s -> "fanclub".equals(s.channel())).extracting(ShowSeat::seatId)
                    .containsExactly("A-1", "A-2", "A-3");
            assertThat(show().channels.quotas()).containsExactly(new AreaQuota("PIT", "fanclub", 4, 0, 0, 0));
            assertThat(created.availability().get("STALLS")).as("availability counts every pool")
                    .isEqualTo(new Availability(12, 0, 0, 0));
        }

        @Test
        void aPublicBuyerNamingAChannelSeatIsRestrictedWhateverItsState() {
            assertThat(f.run(f.cmd.holdIn(FANCLUB, FAN, S, "h1", null, "A-1")).code()).isEqualTo(OK);
            CommandResult r = f.run(f.cmd.holdIn(List.of(), PUB, S, "h2", null, "A-1", "A-2", "A-4"));
            assertThat(r.code()).isEqualTo(CHANNEL_RESTRICTED);
            assertThat(r.seatErrors()).as("a held channel seat is not revealed as held").containsExactly(
                    new SeatError("A-1", CHANNEL_RESTRICTED), new SeatError("A-2", CHANNEL_RESTRICTED));
            assertThat(f.status(S, "A-4")).as("all or nothing").isEqualTo(SeatStatus.AVAILABLE);
        }

        @Test
        void restrictedRanksAfterNotFoundAndBeforeUnavailable() {
            f.run(f.cmd.holdIn(List.of(), "other", S, "h0", null, "A-4"));
            CommandResult r = f.run(f.cmd.holdIn(List.of(), PUB, S, "h1", null, "A-4", "A-1"));
            assertThat(r.code()).isEqualTo(CHANNEL_RESTRICTED);
            r = f.run(f.cmd.holdIn(List.of(), PUB, S, "h2", null, "Z-9", "A-1"));
            assertThat(r.code()).isEqualTo(SEAT_NOT_FOUND);
        }

        @Test
        void theChannelsBuyersAndAdminsMayTakeChannelSeats() {
            assertThat(f.run(f.cmd.holdIn(FANCLUB, FAN, S, "h1", null, "A-1", "A-4")).code()).isEqualTo(OK);
            assertThat(f.run(f.cmd.sell(ADMIN, S, "o1", "A-2")).code()).as("box office").isEqualTo(OK);
            assertThat(f.run(f.cmd.block(ADMIN, S, "A-3")).code()).isEqualTo(OK);
        }

        @Test
        void releasedExpiredAndCancelledSeatsStayInTheirChannel() {
            f.run(f.cmd.holdIn(FANCLUB, FAN, S, "h1", null, "A-1"));
            f.run(f.cmd.release(FAN, S, "h1"));
            f.run(f.cmd.holdIn(FANCLUB, FAN, S, "h2", null, "A-2"));
            f.advance(Duration.ofSeconds(601));
            f.run(f.cmd.sell(ADMIN, S, "o1", "A-3"));
            f.run(f.cmd.cancel(ADMIN, S, "o1"));
            assertThat(show().seats()).filteredOn(s -> "fanclub".equals(s.channel())).extracting(ShowSeat::seatId)
                    .containsExactly("A-1", "A-2", "A-3");
            assertThat(f.run(f.cmd.holdIn(List.of(), PUB, S, "h3", null, "A-2")).code()).isEqualTo(CHANNEL_RESTRICTED);
        }

        @Test
        void placesOfAChannelsQuotaNeedTheChannel() {
            CommandResult r = f.run(f.cmd.holdIn(List.of(), PUB, S, "h1",
                    List.of(new AreaQuantity("PIT", 2, "fanclub"))));
            assertThat(r.code()).isEqualTo(CHANNEL_RESTRICTED);
            assertThat(r.areaErrors()).extracting(AreaError::reason).containsExactly(CHANNEL_RESTRICTED);
            r = f.run(f.cmd.holdIn(List.of(), PUB, S, "h2", places("PIT:7")));
            assertThat(r.code()).as("the pool has 6 of the 10").isEqualTo(AREA_FULL);
            assertThat(r.areaErrors()).containsExactly(new AreaError("PIT", AREA_FULL, 7, 6));
            r = f.run(f.cmd.holdIn(FANCLUB, FAN, S, "h3", List.of(new AreaQuantity("PIT", 4, "fanclub"))));
            assertThat(r.code()).isEqualTo(OK);
            assertThat(r.hold().areas()).containsExactly(new AreaQuantity("PIT", 4, "fanclub"));
            assertThat(show().channels.quotas()).containsExactly(new AreaQuota("PIT", "fanclub", 0, 4, 0, 0));
            assertThat(f.lastEvent().quotas()).as("the event says so").containsExactly(new AreaQuota("PIT", "fanclub", 0, 4, 0, 0));
            assertThat(show().areaCounts(0)).isEqualTo(new AreaCounts("PIT", 6, 4, 0, 0));
            f.run(f.cmd.release(FAN, S, "h3"));
            assertThat(show().channels.quotas()).as("released places go back to the channel")
                    .containsExactly(new AreaQuota("PIT", "fanclub", 4, 0, 0, 0));
        }
    }

    @Nested
    class Assign {

        @Test
        void assignMovesAvailableSeatsAndPlacesAndSaysSoInAChannelEvent() {
            CommandResult r = f.run(f.cmd.assign(S, "partner", "Sponsor", places("PIT:3"), "B-1", "B-2"));
            assertThat(r.code()).isEqualTo(OK);
            ShowEvent e = f.lastEvent();
            assertThat(e.cause()).isEqualTo(Cause.CHANNEL);
            assertThat(e.channel()).isEqualTo(new Channel("partner", "Sponsor"));
            assertThat(e.seats()).containsExactly(new SeatChange("B-1", SeatStatus.AVAILABLE, "partner"),
                    new SeatChange("B-2", SeatStatus.AVAILABLE, "partner"));
            assertThat(e.quotas()).containsExactly(new AreaQuota("PIT", "partner", 3, 0, 0, 0));
            assertThat(e.availability()).isEqualTo(f.events.getFirst().availability());
            assertThat(f.run(f.cmd.holdIn(List.of(), PUB, S, "h1", null, "B-1")).code()).isEqualTo(CHANNEL_RESTRICTED);
            assertThat(f.run(f.cmd.holdIn(List.of("partner"), "vip", S, "h2", null, "B-1")).code()).isEqualTo(OK);
        }

        @Test
        void assignToThePoolFreesSeatsForEveryone() {
            f.run(f.cmd.assign(S, null, null, List.of(new AreaQuantity("PIT", 4, "fanclub")), "A-1"));
            ShowEvent e = f.lastEvent();
            assertThat(e.channel()).isNull();
            assertThat(e.seats()).containsExactly(new SeatChange("A-1", SeatStatus.AVAILABLE));
            assertThat(e.quotas()).containsExactly(new AreaQuota("PIT", "fanclub", 0, 0, 0, 0));
            assertThat(f.run(f.cmd.holdIn(List.of(), PUB, S, "h1", places("PIT:7"), "A-1")).code()).as("6 + 4 in the pool")
                    .isEqualTo(OK);
        }

        @Test
        void onlyAvailableSeatsMoveAllOrNothing() {
            f.run(f.cmd.hold(PUB, S, "h1", "B-3"));
            CommandResult r = f.run(f.cmd.assign(S, "partner", null, List.of(), "B-2", "B-3"));
            assertThat(r.code()).isEqualTo(SEAT_UNAVAILABLE);
            assertThat(r.seatErrors()).containsExactly(new SeatError("B-3", SEAT_UNAVAILABLE));
            assertThat(show().channels.indexOf("partner")).as("nothing created").isEqualTo(-1);
            assertThat(f.run(f.cmd.assign(S, "partner", null, places("PIT:7"))).code()).isEqualTo(AREA_FULL);
        }

        @Test
        void onlyAdminsAssign() {
            AssignChannel c = new AssignChannel("x1", S, PUB, Cmd.USER, Cmd.T0, "mine", null, List.of("B-1"), null);
            assertThat(f.run(c).code()).isEqualTo(FORBIDDEN);
        }

        @Test
        void aSnapshotCarriesChannelsQuotasAndAttributesAsTheMapperWritesThem() {
            f.run(f.cmd.assign(S, "partner", "Sponsor", places("PIT:2"), "B-1"));
            f.run(f.cmd.holdIn(FANCLUB, FAN, S, "h1", List.of(new AreaQuantity("PIT", 1, "fanclub")), "A-1"));
            ShowSnapshots snapshots = new ShowSnapshots(f.ledger);
            snapshots.changed(S, f.now);
            ShowSnapshots.Pass pass = snapshots.begin(f.now.plusSeconds(10));
            ShowSnapshot snapshot = pass.build().getFirst();
            assertThat(snapshot.channels()).containsExactly(new Channel("fanclub", "Fan club"), new Channel("partner", "Sponsor"));
            assertThat(snapshot.quotas()).containsExactly(new AreaQuota("PIT", "fanclub", 3, 1, 0, 0),
                    new AreaQuota("PIT", "partner", 2, 0, 0, 0));
            assertThat(snapshot.seats().get(6).channel()).isEqualTo("partner");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            pass.shows().getFirst().writeJson(out);
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(com.seatledger.topics.json.Json.MAPPER.writeValueAsString(snapshot));
        }

        @Test
        void channelsSurviveARestartFromTheStore() {
            f.run(f.cmd.assign(S, "partner", "Sponsor", places("PIT:2"), "B-1"));
            f.run(f.cmd.holdIn(List.of("partner"), "vip", S, "h1", List.of(new AreaQuantity("PIT", 1, "partner")), "B-1"));
            String before = LedgerModelProperties.describe(show()) + show().channels.quotas() + show().seats() + show().channels.list();
            f.ledger = new Ledger(f.store);
            assertThat(LedgerModelProperties.describe(show()) + show().channels.quotas() + show().seats() + show().channels.list())
                    .isEqualTo(before);
            assertThat(f.hold(S, "h1").areas()).containsExactly(new AreaQuantity("PIT", 1, "partner"));
            f.run(f.cmd.release("vip", S, "h1"));
            assertThat(show().channels.quotas()).contains(new AreaQuota("PIT", "partner", 2, 0, 0, 0));
        }
    }

    @Nested
    class BestAvailableInChannels {

        @Test
        void bestAvailableChoosesFromThePoolUnlessAChannelIsNamed() {
            CommandResult r = f.run(f.cmd.bestIn(FANCLUB, FAN, S, "h1", new BestAvailable("STALLS", 2, true)));
            assertThat(r.hold().seatIds()).as("row A's pool seats").containsExactly("A-4", "A-5");
            r = f.run(f.cmd.bestIn(FANCLUB, FAN, S, "h2",
                    new BestAvailable("STALLS", 2, true, "fanclub", List.of(), List.of(), null)));
            assertThat(r.hold().seatIds()).containsExactly("A-2", "A-3");
        }

        @Test
        void aChannelTheActorLacksIsRestrictedBeforeTheHolderLimitIsCounted() {
            CommandResult r = f.run(f.cmd.bestIn(List.of(), PUB, S, "h1",
                    new BestAvailable("STALLS", 1, true, "fanclub", List.of(), List.of(), null)));
            assertThat(r.code()).isEqualTo(CHANNEL_RESTRICTED);
            r = f.run(f.cmd.bestIn(List.of(), PUB, S, "h2",
                    new BestAvailable("STALLS", 9, false, "fanclub", List.of(), List.of(), null)));
            assertThat(r.code()).as("9 seats is over the limit of 8, but restricted ranks first").isEqualTo(CHANNEL_RESTRICTED);
        }
    }

    @Nested
    class Attributes {

        final LedgerFixture g = new LedgerFixture();

        /** Row A: W C C W, then 4 plain; row B: 6 restricted-view seats; row C: 6 plain. */
        @BeforeEach
        void theatre() {
            List<SeatDef> seats = new java.util.ArrayList<>();
            String[][] a = {{"WHEELCHAIR"}, {"COMPANION"}, {"COMPANION"}, {"WHEELCHAIR"}, {}, {}, {}, {"AISLE"}};
            for (int n = 1; n <= a.length; n++) {
                seats.add(new SeatDef("A-" + n, "MAIN", "A", n, "STALLS", List.of(a[n - 1])));
            }
            for (int n = 1; n <= 6; n++) {
                seats.add(new SeatDef("B-" + n, "MAIN", "B", n, "STALLS", List.of("RESTRICTED_VIEW")));
            }
            for (int n = 1; n <= 6; n++) {
                seats.add(new SeatDef("C-" + n, "MAIN", "C", n, "STALLS"));
            }
            assertThat(g.run(g.cmd.createWithChannels("t", null, seats, List.of(), List.of())).code()).isEqualTo(OK);
        }

        private List<String> best(String holdId, BestAvailable want) {
            CommandResult r = g.run(g.cmd.bestIn(List.of(), "buyer-" + holdId, "t", holdId, want));
            return r.code() == OK ? r.hold().seatIds() : List.of(r.code().name());
        }

        @Test
        void wheelchairAndCompanionSeatsAreNeverPickedUnlessAsked() {
            assertThat(best("h1", new BestAvailable("STALLS", 4, true))).containsExactly("A-5", "A-6", "A-7", "A-8");
            assertThat(best("h2", new BestAvailable("STALLS", 2, false))).as("then row C, not row B")
                    .containsExactly("C-3", "C-4");
        }

        @Test
        void restrictedViewSeatsOnlyWhenNothingElseFits() {
            g.run(g.cmd.bestIn(List.of(), PUB, "t", "h0", new BestAvailable("STALLS", 4, true)));
            assertThat(best("h1", new BestAvailable("STALLS", 6, true))).containsExactly("C-1", "C-2", "C-3", "C-4",
                    "C-5", "C-6");
            assertThat(best("h2", new BestAvailable("STALLS", 2, true, null, List.of(), List.of("RESTRICTED_VIEW"), null)))
                    .containsExactly("NOT_ENOUGH_SEATS");
            assertThat(best("h3", new BestAvailable("STALLS", 2, true))).containsExactly("B-3", "B-4");
        }

        @Test
        void requireAndAvoidNarrowTheChoice() {
            assertThat(best("h1", new BestAvailable("STALLS", 1, true, null, List.of("AISLE"), List.of(), null)))
                    .containsExactly("A-8");
            assertThat(best("h2", new BestAvailable("STALLS", 3, true, null, List.of(), List.of("AISLE"), null)))
                    .containsExactly("A-5", "A-6", "A-7");
        }

        @Test
        void aWheelchairHoldTakesASpaceAndItsCompanionsInOneHold() {
            assertThat(best("h1", new BestAvailable("STALLS", 1, true, null, List.of("WHEELCHAIR"), List.of(), 2)))
                    .as("the space nearest the centre that has two companions next to it")
                    .containsExactlyInAnyOrder("A-4", "A-3", "A-2");
            assertThat(best("h2", new BestAvailable("STALLS", 1, true, null, List.of("WHEELCHAIR"), List.of(), 1)))
                    .as("A-1 and no companion left next to it: all or nothing").containsExactly("NOT_ENOUGH_SEATS");
            assertThat(best("h3", new BestAvailable("STALLS", 1, true, null, List.of("WHEELCHAIR"), List.of(), null)))
                    .containsExactly("A-1");
        }

        @Test
        void explicitHoldsMayTakeAnySeat() {
            assertThat(g.run(g.cmd.hold(PUB, "t", "h1", "A-1", "A-2")).code()).isEqualTo(OK);
        }

        @Test
        void attributesAreInTheLayoutAndTheSeatMap() {
            assertThat(g.events.getFirst().layout().seats().get(0).attributes()).containsExactly("WHEELCHAIR");
            assertThat(g.ledger.show("t").seats().get(7).attributes()).containsExactly("AISLE");
            g.ledger = new Ledger(g.store);
            assertThat(g.ledger.show("t").seats().get(1).attributes()).as("after a restart").containsExactly("COMPANION");
        }
    }
}
