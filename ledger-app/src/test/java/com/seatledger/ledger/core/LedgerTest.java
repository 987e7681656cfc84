package com.seatledger.ledger.core;

import static com.seatledger.topics.message.ResultCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.message.*;

/** The decision rules (docs/ledger.md), one behaviour per test, on an in-memory store. */
class LedgerTest extends LedgerSuite {

    @Nested
    class CreateShowRule {
        @Test
        void createsEveryoneAvailableWithSeqOneAndTheLayout() {
            ShowEvent created = f.events.get(0);
            assertThat(created.seq()).isEqualTo(1);
            assertThat(created.cause()).isEqualTo(Cause.CREATE);
            assertThat(created.seats()).isEmpty();
            assertThat(created.layout().seats()).hasSize(54);
            assertThat(created.layout().policy()).isEqualTo(Policy.DEFAULTS);
            assertThat(created.availability()).containsEntry("STALLS", new Availability(50, 0, 0, 0))
                    .containsEntry("BALCONY", new Availability(4, 0, 0, 0));
        }

        @Test
        void aSecondCreateIsShowExists() {
            assertThat(f.run(f.cmd.create(S, null, layout())).code()).isEqualTo(SHOW_EXISTS);
        }

        @Test
        void onlyAdminsCreate() {
            CreateShow byUser = new CreateShow("c-x", "s2", ALICE, Cmd.USER, Cmd.T0, "x", null, layout(), null);
            assertThat(f.run(byUser).code()).isEqualTo(FORBIDDEN);
        }
    }

    @Nested
    class HoldRule {
        @Test
        void holdsNamedSeatsUntilExpiry() {
            CommandResult r = f.run(f.cmd.hold(ALICE, S, "h1", "A-1", "A-2"));
            assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
            assertThat(r.seq()).isEqualTo(2L);
            assertThat(r.hold()).isEqualTo(new Hold("h1", ALICE, List.of("A-1", "A-2"), f.now,
                    f.now.plusSeconds(Policy.DEFAULT_HOLD_TTL_SECONDS), HoldStatus.ACTIVE));
            ShowEvent e = f.lastEvent();
            assertThat(e.cause()).isEqualTo(Cause.HOLD);
            assertThat(e.seats()).containsExactly(new SeatChange("A-1", SeatStatus.HELD),
                    new SeatChange("A-2", SeatStatus.HELD));
            assertThat(e.availability().get("STALLS")).isEqualTo(new Availability(48, 2, 0, 0));
            assertThat(e.availability()).containsKey("BALCONY");
        }

        @Test
        void allOrNothingNamesEveryOffendingSeat() {
            f.run(f.cmd.hold(BOB, S, "h0", "A-2"));
            CommandResult r = f.run(f.cmd.hold(ALICE, S, "h1", "A-1", "A-2", "Z-9"));
            assertThat(r.code()).isEqualTo(SEAT_NOT_FOUND);
            assertThat(seatErrors(r)).containsExactly("A-2:SEAT_UNAVAILABLE", "Z-9:SEAT_NOT_FOUND");
            assertThat(f.status(S, "A-1")).isEqualTo(SeatStatus.AVAILABLE);
            assertThat(f.lastEvents).isEmpty();
            assertThat(r.seq()).isNull();
        }

        @Test
        void unavailableSeatIsRejected() {
            f.run(f.cmd.hold(BOB, S, "h0", "A-2"));
            CommandResult r = f.run(f.cmd.hold(ALICE, S, "h1", "A-2"));
            assertThat(r.code()).isEqualTo(SEAT_UNAVAILABLE);
            assertThat(seatErrors(r)).containsExactly("A-2:SEAT_UNAVAILABLE");
        }

        @Test
        void unknownShow() {
            assertThat(f.run(f.cmd.hold(ALICE, "nope", "h1", "A-1")).code()).isEqualTo(SHOW_NOT_FOUND);
        }

        @Test
        void holdIdCannotBeReused() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
            f.run(f.cmd.release(ALICE, S, "h1"));
            CommandResult r = f.run(f.cmd.hold(ALICE, S, "h1", "A-2"));
            assertThat(r.code()).isEqualTo(INVALID_COMMAND);
        }

        @Test
        void holderLimitCountsHeldSeatsOfTheActor() {
            assertThat(f.run(f.cmd.hold(ALICE, S, "h1", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7", "A-8"))
                    .code()).isEqualTo(OK);
            CommandResult r = f.run(f.cmd.hold(ALICE, S, "h2", "B-1", "B-2", "B-3"));
            assertThat(r.code()).isEqualTo(HOLDER_LIMIT);
            assertThat(f.run(f.cmd.hold(ALICE, S, "h3", "B-1", "B-2")).code()).isEqualTo(OK);
            assertThat(f.run(f.cmd.hold(BOB, S, "h4", "C-1", "C-2", "C-3")).code()).isEqualTo(OK);
        }

        @Test
        void holderLimitFreesSeatsOnceSoldOrReleased() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7", "A-8", "A-9", "A-10"));
            f.run(f.cmd.confirm(ALICE, S, "h1", "o1"));
            assertThat(f.run(f.cmd.hold(ALICE, S, "h2", "B-1", "B-2")).code()).isEqualTo(OK);
        }

        @Test
        void adminsHaveNoHolderLimit() {
            CommandResult r = f.run(f.cmd.hold(ADMIN, S, "h1", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7",
                    "A-8", "A-9", "A-10", "B-1"));
            assertThat(r.code()).isEqualTo(OK);
        }

        @Test
        void ttlBeyondMaxHoldIsTooLong() {
            assertThat(f.run(f.cmd.holdFor(ALICE, S, "h1", 3601, "A-1")).code()).isEqualTo(HOLD_TOO_LONG);
            assertThat(f.run(f.cmd.holdFor(ALICE, S, "h2", 3600, "A-1")).code()).isEqualTo(OK);
        }

        @Test
        void tooLongComesBeforeSeatProblems() {
            assertThat(f.run(f.cmd.holdFor(ALICE, S, "h1", 9999, "Z-1")).code()).isEqualTo(HOLD_TOO_LONG);
        }
    }

    @Nested
    class ReplaceRule {
        @Test
        void keptSeatsDoNotFlickerAndTheOldHoldIsReleased() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1", "A-2"));
            CommandResult r = f.run(f.cmd.replace(ALICE, S, "h2", "h1", "A-2", "A-3"));
            assertThat(r.code()).isEqualTo(OK);
            ShowEvent e = f.lastEvent();
            assertThat(e.replacedHoldId()).isEqualTo("h1");
            assertThat(e.seats()).containsExactlyInAnyOrder(new SeatChange("A-1", SeatStatus.AVAILABLE),
                    new SeatChange("A-3", SeatStatus.HELD));
            assertThat(f.lastEvents).hasSize(1);
            assertThat(f.hold(S, "h1").status()).isEqualTo(HoldStatus.RELEASED);
            assertThat(f.ledger.reads().owner(S, "A-2")).isEqualTo("h2");
            assertThat(e.availability().get("STALLS").held()).isEqualTo(2);
        }

        @Test
        void limitIsCountedAfterTheOldHoldIsReleased() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7", "A-8", "A-9", "A-10"));
            assertThat(f.run(f.cmd.replace(ALICE, S, "h2", "h1", "B-1", "B-2", "B-3", "B-4", "B-5", "B-6", "B-7",
                    "B-8", "B-9", "B-10")).code()).isEqualTo(OK);
        }

        @Test
        void replacedHoldMustBeTheActorsAndActive() {
            f.run(f.cmd.hold(BOB, S, "hb", "A-1"));
            assertThat(f.run(f.cmd.replace(ALICE, S, "h1", "hb", "A-2")).code()).isEqualTo(NOT_HOLDER);
            assertThat(f.run(f.cmd.replace(ALICE, S, "h2", "zz", "A-2")).code()).isEqualTo(HOLD_NOT_FOUND);
            f.run(f.cmd.hold(ALICE, S, "ha", "A-3"));
            f.run(f.cmd.release(ALICE, S, "ha"));
            assertThat(f.run(f.cmd.replace(ALICE, S, "h3", "ha", "A-2")).code()).isEqualTo(HOLD_NOT_ACTIVE);
        }

        @Test
        void bestAvailableMayReuseTheReplacedSeats() {
            createShowSmall();
            f.run(f.cmd.hold(ALICE, "small", "h1", "A-2", "A-3"));
            f.run(f.cmd.hold(BOB, "small", "hb", "A-1"));
            CommandResult r = f.run(f.cmd.replace(ALICE, "small", "h2", "h1", "A-2", "A-3", "A-4"));
            assertThat(r.code()).isEqualTo(OK);
            assertThat(f.lastEvent().seats()).containsExactly(new SeatChange("A-4", SeatStatus.HELD));
        }

        private void createShowSmall() {
            f.run(f.cmd.create("small", null, Cmd.rows("X", "A", 4)));
        }
    }

    @Nested
    class BestAvailableRule {
        @Test
        void frontMostRowThenNearestTheCentre() {
            CommandResult r = f.run(f.cmd.best(ALICE, S, "h1", "STALLS", 2, true));
            // row A is numbered 1..10, centre 5.5: the pair 5-6 sits on it
            assertThat(r.hold().seatIds()).containsExactly("A-5", "A-6");
        }

        @Test
        void aBestAvailableHoldScansNoStore() {
            // an on-sale opens with best-available holds: a scan of 100,000 seats then would stall the partition
            MemoryStore inner = new MemoryStore();
            int[] scans = { 0 };
            LedgerStore counted = new LedgerStore() {
                @Override
                public byte[] get(String key) {
                    return inner.get(key);
                }

                @Override
                public void put(String key, byte[] value) {
                    inner.put(key, value);
                }

                @Override
                public void delete(String key) {
                    inner.delete(key);
                }

                @Override
                public void scan(String from, String to, java.util.function.BiPredicate<String, byte[]> visitor) {
                    scans[0]++;
                    inner.scan(from, to, visitor);
                }
            };
            Ledger ledger = new Ledger(counted);
            ledger.decide(f.cmd.create("s2", null, Cmd.rows("STALLS", "AB", 10)), Cmd.T0);
            scans[0] = 0;
            CommandResult r = ledger.decide(f.cmd.best(ALICE, "s2", "h1", "STALLS", 2, true), Cmd.T0).result();
            assertThat(r.hold().seatIds()).containsExactly("A-5", "A-6");
            assertThat(scans[0]).isZero();
        }

        @Test
        void tiesGoToLowerNumbers() {
            CommandResult r = f.run(f.cmd.best(ALICE, S, "h1", "STALLS", 3, true));
            // runs 4-6 and 5-7 are equally off-centre
            assertThat(r.hold().seatIds()).containsExactly("A-4", "A-5", "A-6");
        }

        @Test
        void skipsRowsWithoutARunLongEnough() {
            f.run(f.cmd.block(ADMIN, S, "A-3", "A-6", "A-9"));
            CommandResult r = f.run(f.cmd.best(ALICE, S, "h1", "STALLS", 3, true));
            assertThat(r.hold().seatIds()).containsExactly("B-4", "B-5", "B-6");
        }

        @Test
        void splitTakesTheBestSeatsFrontToBackCentreOut() {
            f.run(f.cmd.block(ADMIN, S, "A-1", "A-2", "A-3", "A-4", "A-6", "A-7", "A-8", "A-9", "A-10"));
            CommandResult r = f.run(f.cmd.best(ALICE, S, "h1", "STALLS", 3, false));
            assertThat(r.hold().seatIds()).containsExactly("A-5", "B-5", "B-6");
        }

        @Test
        void onlyTheRequestedCategory() {
            CommandResult r = f.run(f.cmd.best(ALICE, S, "h1", "BALCONY", 4, true));
            assertThat(r.hold().seatIds()).containsExactly("F-1", "F-2", "F-3", "F-4");
            assertThat(f.run(f.cmd.best(BOB, S, "h2", "BALCONY", 1, true)).code()).isEqualTo(NOT_ENOUGH_SEATS);
            assertThat(f.run(f.cmd.best(BOB, S, "h3", "NOPE", 1, true)).code()).isEqualTo(NOT_ENOUGH_SEATS);
        }

        @Test
        void noRunLongEnoughIsNotEnoughSeats() {
            assertThat(f.run(f.cmd.best(ADMIN, S, "h1", "STALLS", 11, true)).code()).isEqualTo(NOT_ENOUGH_SEATS);
            assertThat(f.run(f.cmd.best(ADMIN, S, "h2", "STALLS", 11, false)).code()).isEqualTo(OK);
        }

        @Test
        void holderLimitComesFirst() {
            assertThat(f.run(f.cmd.best(ALICE, S, "h1", "STALLS", 11, true)).code()).isEqualTo(HOLDER_LIMIT);
        }

        @Test
        void seesSeatsFreedByReleaseExpiryAndCancel() {
            for (char row : "ABCDE".toCharArray()) {
                f.run(f.cmd.sell(ADMIN, S, "o" + row, seatsOf(row)));
            }
            assertThat(f.run(f.cmd.best(ALICE, S, "h1", "STALLS", 2, true)).code()).isEqualTo(NOT_ENOUGH_SEATS);
            f.run(f.cmd.cancel(ADMIN, S, "oC"));
            assertThat(f.run(f.cmd.best(ALICE, S, "h2", "STALLS", 2, true)).hold().seatIds())
                    .containsExactly("C-5", "C-6");
        }

        private String[] seatsOf(char row) {
            String[] ids = new String[10];
            for (int i = 0; i < 10; i++) {
                ids[i] = row + "-" + (i + 1);
            }
            return ids;
        }
    }

    @Nested
    class OrphanRule {
        @BeforeEach
        void strictShow() {
            f.run(f.cmd.create("strict", new Policy(null, null, null, true), Cmd.rows("X", "AB", 6)));
        }

        @Test
        void aHoldThatStrandsASeatIsRejectedNamingIt() {
            f.run(f.cmd.hold(BOB, "strict", "hb", "A-1"));
            CommandResult r = f.run(f.cmd.hold(ALICE, "strict", "h1", "A-3", "A-4"));
            assertThat(r.code()).isEqualTo(ORPHAN_SEAT);
            assertThat(seatErrors(r)).containsExactly("A-2:ORPHAN_SEAT");
        }

        @Test
        void rowEndsCount() {
            CommandResult r = f.run(f.cmd.hold(ALICE, "strict", "h1", "A-2", "A-3"));
            assertThat(seatErrors(r)).containsExactly("A-1:ORPHAN_SEAT");
        }

        @Test
        void anExistingOrphanDoesNotBlockAnUnrelatedHold() {
            f.run(f.cmd.block(ADMIN, "strict", "A-2"));
            assertThat(f.status("strict", "A-1")).isEqualTo(SeatStatus.AVAILABLE);
            assertThat(f.run(f.cmd.hold(ALICE, "strict", "h1", "A-3", "A-4")).code()).isEqualTo(OK);
        }

        @Test
        void bestAvailableAvoidsOrphansWhenItCan() {
            f.run(f.cmd.block(ADMIN, "strict", "A-1"));
            // centre pair 3-4 would strand A-2; 2-3 leaves 4-6, 4-5 strands A-6... so 2-3
            CommandResult r = f.run(f.cmd.best(ALICE, "strict", "h1", "X", 2, true));
            assertThat(r.hold().seatIds()).containsExactly("A-2", "A-3");
        }

        @Test
        void bestAvailableThatCannotAvoidOrphansIsRejected() {
            f.run(f.cmd.block(ADMIN, "strict", "A-1", "A-5", "B-1", "B-5"));
            // left: 2-4 and 6 in both rows; 2 of 2-4 always strands one, 6 is alone
            CommandResult r = f.run(f.cmd.best(ALICE, "strict", "h1", "X", 2, true));
            assertThat(r.code()).isEqualTo(ORPHAN_SEAT);
        }

        @Test
        void withoutThePolicyOrphansAreAllowed() {
            assertThat(f.run(f.cmd.hold(ALICE, S, "h1", "A-2", "A-3")).code()).isEqualTo(OK);
        }
    }

    @Nested
    class ExpiryRule {
        @Test
        void expiresAtExpiresAtInOneEventPerHold() {
            CommandResult r = f.run(f.cmd.holdFor(ALICE, S, "h1", 60, "A-1", "A-2"));
            f.run(f.cmd.holdFor(BOB, S, "h2", 60, "B-1"));
            assertThat(f.advance(Duration.ofSeconds(59).plusMillis(999))).isEmpty();
            List<ShowEvent> expired = f.advance(Duration.ofMillis(1));
            assertThat(expired).hasSize(2);
            ShowEvent e = expired.get(0);
            assertThat(e.cause()).isEqualTo(Cause.EXPIRE);
            assertThat(e.commandId()).isNull();
            assertThat(e.actor()).isNull();
            assertThat(e.hold()).isEqualTo(r.hold().withStatus(HoldStatus.EXPIRED));
            assertThat(e.seats()).containsExactly(new SeatChange("A-1", SeatStatus.AVAILABLE),
                    new SeatChange("A-2", SeatStatus.AVAILABLE));
            assertThat(f.status(S, "B-1")).isEqualTo(SeatStatus.AVAILABLE);
            assertThat(f.advance(Duration.ofSeconds(10))).isEmpty();
        }

        @Test
        void confirmAfterExpiryNotYetProcessedExpiresFirstThenRejects() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 60, "A-1"));
            f.now = f.now.plusSeconds(60);
            CommandResult r = f.run(f.cmd.confirm(ALICE, S, "h1", "o1"));
            assertThat(r.code()).isEqualTo(HOLD_EXPIRED);
            assertThat(f.lastEvents).extracting(ShowEvent::cause).containsExactly(Cause.EXPIRE);
            assertThat(f.status(S, "A-1")).isEqualTo(SeatStatus.AVAILABLE);
        }

        @Test
        void extendAfterProcessedExpiryIsHoldExpired() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 60, "A-1"));
            f.advance(Duration.ofSeconds(61));
            assertThat(f.run(f.cmd.extend(ALICE, S, "h1", 60)).code()).isEqualTo(HOLD_EXPIRED);
            assertThat(f.run(f.cmd.release(ALICE, S, "h1")).code()).isEqualTo(HOLD_EXPIRED);
        }

        @Test
        void expiredSeatsCanBeHeldAgainAtOnce() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 60, "A-1"));
            f.now = f.now.plusSeconds(60);
            assertThat(f.run(f.cmd.hold(BOB, S, "h2", "A-1")).code()).isEqualTo(OK);
        }

        @Test
        void releasedOrConfirmedHoldsDoNotExpire() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 60, "A-1"));
            f.run(f.cmd.holdFor(ALICE, S, "h2", 60, "A-2"));
            f.run(f.cmd.release(ALICE, S, "h1"));
            f.run(f.cmd.confirm(ALICE, S, "h2", "o1"));
            assertThat(f.advance(Duration.ofSeconds(120))).isEmpty();
            assertThat(f.status(S, "A-2")).isEqualTo(SeatStatus.SOLD);
        }
    }

    @Nested
    class ExtendRule {
        @Test
        void extendsFromNowByTheTtl() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 60, "A-1"));
            f.now = f.now.plusSeconds(50);
            CommandResult r = f.run(f.cmd.extend(ALICE, S, "h1", 120));
            assertThat(r.hold().expiresAt()).isEqualTo(f.now.plusSeconds(120));
            assertThat(f.lastEvent().cause()).isEqualTo(Cause.EXTEND);
            assertThat(f.lastEvent().seats()).isEmpty();
            assertThat(f.advance(Duration.ofSeconds(119))).isEmpty();
            assertThat(f.advance(Duration.ofSeconds(1))).hasSize(1);
        }

        @Test
        void neverShortens() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 600, "A-1"));
            assertThat(f.run(f.cmd.extend(ALICE, S, "h1", 10)).hold().expiresAt()).isEqualTo(f.now.plusSeconds(600));
        }

        @Test
        void isClampedAtMaxHoldSeconds() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 3000, "A-1"));
            f.now = f.now.plusSeconds(2000);
            assertThat(f.run(f.cmd.extend(ALICE, S, "h1", 3000)).hold().expiresAt())
                    .isEqualTo(Cmd.T0.plusSeconds(3600));
        }

        @Test
        void withoutTtlUsesTheShowsHoldTtl() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 60, "A-1"));
            assertThat(f.run(f.cmd.extend(ALICE, S, "h1", null)).hold().expiresAt()).isEqualTo(f.now.plusSeconds(600));
        }

        @Test
        void onlyTheHolderOrAnAdmin() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
            assertThat(f.run(f.cmd.extend(BOB, S, "h1", 60)).code()).isEqualTo(NOT_HOLDER);
            assertThat(f.run(f.cmd.extend(ADMIN, S, "h1", 900)).code()).isEqualTo(OK);
            assertThat(f.run(f.cmd.extend(ALICE, S, "nope", 60)).code()).isEqualTo(HOLD_NOT_FOUND);
        }

        @Test
        void notHolderComesBeforeExpired() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 60, "A-1"));
            f.advance(Duration.ofSeconds(60));
            assertThat(f.run(f.cmd.extend(BOB, S, "h1", 60)).code()).isEqualTo(NOT_HOLDER);
        }
    }

    @Nested
    class ReleaseAndConfirmRule {
        @Test
        void releaseFreesTheSeats() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
            CommandResult r = f.run(f.cmd.release(ALICE, S, "h1"));
            assertThat(r.hold().status()).isEqualTo(HoldStatus.RELEASED);
            assertThat(f.lastEvent().seats()).containsExactly(new SeatChange("A-1", SeatStatus.AVAILABLE));
            assertThat(f.run(f.cmd.release(ALICE, S, "h1")).code()).isEqualTo(HOLD_NOT_ACTIVE);
        }

        @Test
        void confirmSellsUnderTheOrder() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1", "A-2"));
            CommandResult r = f.run(f.cmd.confirm(ALICE, S, "h1", "o1"));
            assertThat(r.orderId()).isEqualTo("o1");
            assertThat(r.hold().status()).isEqualTo(HoldStatus.CONFIRMED);
            ShowEvent e = f.lastEvent();
            assertThat(e.orderId()).isEqualTo("o1");
            assertThat(e.seats()).extracting(SeatChange::status).containsOnly(SeatStatus.SOLD);
            assertThat(e.availability().get("STALLS")).isEqualTo(new Availability(48, 0, 2, 0));
            assertThat(f.run(f.cmd.confirm(ALICE, S, "h1", "o2")).code()).isEqualTo(HOLD_NOT_ACTIVE);
        }

        @Test
        void anOrderIdIsUsedOnce() {
            f.run(f.cmd.sell(ADMIN, S, "o1", "B-1"));
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
            assertThat(f.run(f.cmd.confirm(ALICE, S, "h1", "o1")).code()).isEqualTo(INVALID_COMMAND);
            assertThat(f.run(f.cmd.sell(ADMIN, S, "o1", "B-2")).code()).isEqualTo(INVALID_COMMAND);
        }

        @Test
        void anotherActorCannotConfirmOrRelease() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
            assertThat(f.run(f.cmd.confirm(BOB, S, "h1", "o1")).code()).isEqualTo(NOT_HOLDER);
            assertThat(f.run(f.cmd.release(BOB, S, "h1")).code()).isEqualTo(NOT_HOLDER);
            assertThat(f.run(f.cmd.release(ADMIN, S, "h1")).code()).isEqualTo(OK);
        }
    }

    @Nested
    class BoxOffice {
        @Test
        void sellCancelAndSellAgain() {
            assertThat(f.run(f.cmd.sell(ADMIN, S, "o1", "A-1", "A-2")).code()).isEqualTo(OK);
            assertThat(f.lastEvent().cause()).isEqualTo(Cause.SELL);
            CommandResult again = f.run(f.cmd.sell(ADMIN, S, "o2", "A-2", "A-3"));
            assertThat(again.code()).isEqualTo(SEAT_UNAVAILABLE);
            assertThat(seatErrors(again)).containsExactly("A-2:SEAT_UNAVAILABLE");
            assertThat(f.run(f.cmd.cancel(ADMIN, S, "o1")).code()).isEqualTo(OK);
            assertThat(f.lastEvent().seats()).extracting(SeatChange::status).containsOnly(SeatStatus.AVAILABLE);
            assertThat(f.run(f.cmd.cancel(ADMIN, S, "o1")).code()).isEqualTo(ORDER_NOT_FOUND);
            assertThat(f.run(f.cmd.sell(ADMIN, S, "o3", "A-2")).code()).isEqualTo(OK);
        }

        @Test
        void cancelRefundsAConfirmedHold() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
            f.run(f.cmd.confirm(ALICE, S, "h1", "o1"));
            assertThat(f.run(f.cmd.cancel(ADMIN, S, "o1")).code()).isEqualTo(OK);
            assertThat(f.status(S, "A-1")).isEqualTo(SeatStatus.AVAILABLE);
        }

        @Test
        void adminOnly() {
            assertThat(f.run(f.cmd.sell(ALICE, S, "o1", "A-1")).code()).isEqualTo(FORBIDDEN);
            assertThat(f.run(f.cmd.cancel(ALICE, S, "o1")).code()).isEqualTo(FORBIDDEN);
            assertThat(f.run(f.cmd.block(ALICE, S, "A-1")).code()).isEqualTo(FORBIDDEN);
            assertThat(f.run(f.cmd.unblock(ALICE, S, "A-1")).code()).isEqualTo(FORBIDDEN);
            assertThat(f.run(f.cmd.cancel(ADMIN, S, "o1")).code()).isEqualTo(ORDER_NOT_FOUND);
        }

        @Test
        void blockAndUnblock() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-2"));
            assertThat(seatErrors(f.run(f.cmd.block(ADMIN, S, "A-1", "A-2")))).containsExactly("A-2:SEAT_UNAVAILABLE");
            assertThat(f.run(f.cmd.block(ADMIN, S, "A-1")).code()).isEqualTo(OK);
            assertThat(f.lastEvent().reason()).isEqualTo("camera");
            assertThat(f.lastEvent().availability().get("STALLS").blocked()).isEqualTo(1);
            assertThat(f.run(f.cmd.hold(BOB, S, "h2", "A-1")).code()).isEqualTo(SEAT_UNAVAILABLE);
            assertThat(f.run(f.cmd.unblock(ADMIN, S, "A-3")).code()).isEqualTo(SEAT_UNAVAILABLE);
            assertThat(f.run(f.cmd.unblock(ADMIN, S, "A-1")).code()).isEqualTo(OK);
            assertThat(f.status(S, "A-1")).isEqualTo(SeatStatus.AVAILABLE);
        }
    }

    @Nested
    class Idempotency {
        @Test
        void aDuplicateRepublishesTheOriginalResultWithNoEffect() {
            HoldSeats h = f.cmd.hold(ALICE, S, "h1", "A-1");
            CommandResult first = f.run(h);
            f.run(f.cmd.release(ALICE, S, "h1"));
            int events = f.events.size();
            CommandResult again = f.run(h);
            assertThat(again).isEqualTo(first.asDuplicate());
            assertThat(again.duplicate()).isTrue();
            assertThat(f.events).hasSize(events);
            assertThat(f.status(S, "A-1")).isEqualTo(SeatStatus.AVAILABLE);
        }

        @Test
        void rejectionsAreRepeatedToo() {
            HoldSeats h = f.cmd.hold(ALICE, S, "h1", "Z-1");
            CommandResult first = f.run(h);
            assertThat(f.run(h)).isEqualTo(first.asDuplicate());
        }

        @Test
        void aRetryMayCarryANewIssuedAt() {
            HoldSeats h = f.cmd.hold(ALICE, S, "h1", "A-1");
            f.run(h);
            HoldSeats retry = new HoldSeats(h.commandId(), S, ALICE, h.roles(), Cmd.T0.plusSeconds(3), "h1",
                    h.seatIds(), null, null, null);
            assertThat(f.run(retry).duplicate()).isTrue();
        }

        @Test
        void theSameIdWithOtherContentIsInvalid() {
            HoldSeats h = f.cmd.hold(ALICE, S, "h1", "A-1");
            f.run(h);
            HoldSeats other = new HoldSeats(h.commandId(), S, ALICE, h.roles(), Cmd.T0, "h1", List.of("A-2"), null,
                    null, null);
            CommandResult r = f.run(other);
            assertThat(r.code()).isEqualTo(INVALID_COMMAND);
            assertThat(r.message()).contains("commandId reused with different content");
            assertThat(f.status(S, "A-2")).isEqualTo(SeatStatus.AVAILABLE);
        }

        @Test
        void isForgottenAfterTwentyFourHours() {
            HoldSeats h = f.cmd.hold(ALICE, S, "h1", "Z-1");
            f.run(h);
            f.now = f.now.plus(Ledger.IDEMPOTENCY_WINDOW).minusSeconds(1);
            assertThat(f.run(h).duplicate()).isTrue();
            f.now = f.now.plusSeconds(1);
            assertThat(f.run(h).duplicate()).as("decided afresh once 24 h have passed").isFalse();
        }

    }

    @Test
    void seqIsGaplessPerShowAndStartsAtOneWithCreate() {
        f.run(f.cmd.create("s2", null, Cmd.rows("X", "A", 3)));
        f.run(f.cmd.holdFor(ALICE, S, "h1", 5, "A-1"));
        f.run(f.cmd.hold(ALICE, "s2", "h2", "A-1"));
        f.run(f.cmd.hold(BOB, S, "h3", "A-1"));
        f.advance(Duration.ofSeconds(5));
        f.run(f.cmd.extend(ALICE, "s2", "h2", 60));
        for (String show : List.of(S, "s2")) {
            assertThat(f.events.stream().filter(e -> e.showId().equals(show)).map(ShowEvent::seq))
                    .containsExactly(1L, 2L, 3L);
        }
    }

    @Nested
    class Atomicity {
        private java.util.Map<String, String> stored() {
            java.util.Map<String, String> all = new java.util.TreeMap<>();
            f.store.scan("", "\uffff", (k, v) -> {
                all.put(k, java.util.Arrays.toString(v));
                return true;
            });
            return all;
        }

        private void failOnSecondSeat() {
            int[] moves = {0};
            f.ledger.beforeSeatMove(seat -> {
                if (++moves[0] == 2) {
                    throw new IllegalStateException("injected");
                }
            });
        }

        @Test
        void aDecisionFailingHalfWayLeavesNoTrace() {
            java.util.Map<String, String> before = stored();
            failOnSecondSeat();
            HoldSeats hold = f.cmd.hold(ALICE, S, "h1", "A-1", "A-2", "A-3");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.run(hold)).hasMessage("injected");
            f.ledger.beforeSeatMove(seat -> {
            });

            assertThat(stored()).as("nothing stored").isEqualTo(before);
            assertThat(f.status(S, "A-1")).as("memory as before too").isEqualTo(SeatStatus.AVAILABLE);
            assertThat(f.hold(S, "h1")).isNull();
            CommandResult again = f.run(f.cmd.hold(BOB, S, "h2", "A-1", "A-2", "A-3"));
            assertThat(again.code()).isEqualTo(OK);
            assertThat(again.seq()).isEqualTo(2L);
            assertThat(f.ledger.reads().heldBy(S, ALICE)).isZero();
        }

        @Test
        void anExpiryFailingHalfWayLeavesTheHoldWholeAndRetriesLater() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 5, "A-1", "A-2"));
            java.util.Map<String, String> before = stored();
            failOnSecondSeat();
            assertThat(f.advance(Duration.ofSeconds(5))).isEmpty();
            f.ledger.beforeSeatMove(seat -> {
            });
            assertThat(stored()).isEqualTo(before);
            assertThat(f.status(S, "A-1")).isEqualTo(SeatStatus.HELD);
            assertThat(f.advance(Ledger.EXPIRY_RETRY)).extracting(ShowEvent::cause).containsExactly(Cause.EXPIRE);
            assertThat(f.status(S, "A-1")).isEqualTo(SeatStatus.AVAILABLE);
        }
    }

    @Nested
    class Archive {
        private java.util.Set<String> stateKeys() {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            f.store.scan("", "\uffff", (k, v) -> {
                if (!k.startsWith("ci|")) { // idempotency records age out with their window, not with the show
                    keys.add(k);
                }
                return true;
            });
            return keys;
        }

        @Test
        void archivingReleasesActiveHoldsInOneLastEventAndRemovesTheShowsState() {
            java.util.Set<String> before = stateKeys();
            f.run(f.cmd.create("s2", null, Cmd.rows("X", "AB", 6)));
            f.run(f.cmd.hold(ALICE, "s2", "h1", "A-1", "A-2"));
            f.run(f.cmd.hold(BOB, "s2", "h2", "B-1"));
            f.run(f.cmd.release(BOB, "s2", "h2"));
            f.run(f.cmd.sell(ADMIN, "s2", "o1", "A-5"));
            f.ledger.journal().checkpoint(f.ledger.show("s2"));
            f.run(f.cmd.block(ADMIN, "s2", "B-6"));

            CommandResult r = f.run(f.cmd.archive(ADMIN, "s2"));
            assertThat(r.code()).isEqualTo(OK);
            ShowEvent last = f.lastEvent();
            assertThat(last.cause()).isEqualTo(Cause.ARCHIVE);
            assertThat(last.seq()).isEqualTo(r.seq()).isEqualTo(7L);
            assertThat(last.seats()).containsExactly(new SeatChange("A-1", SeatStatus.AVAILABLE),
                    new SeatChange("A-2", SeatStatus.AVAILABLE));
            assertThat(last.availability().get("X")).isEqualTo(new Availability(10, 0, 1, 1));
            assertThat(last.reason()).isEqualTo("the run is over");

            java.util.Set<String> after = stateKeys();
            after.removeAll(before);
            assertThat(after).as("only the archived mark is left").containsExactly("sa|s2");
            assertThat(new Ledger(f.store).reads().seq("s2")).as("and a restart does not bring it back").isZero();
        }

        @Test
        void anArchivedShowsCommandsAreShowNotFoundAndItsIdIsNeverReused() {
            f.run(f.cmd.hold(ALICE, S, "h1", "A-1"));
            f.run(f.cmd.archive(ADMIN, S));
            assertThat(f.run(f.cmd.hold(ALICE, S, "h2", "A-2")).code()).isEqualTo(SHOW_NOT_FOUND);
            assertThat(f.run(f.cmd.release(ALICE, S, "h1")).code()).isEqualTo(SHOW_NOT_FOUND);
            assertThat(f.run(f.cmd.archive(ADMIN, S)).code()).isEqualTo(SHOW_NOT_FOUND);
            assertThat(f.run(f.cmd.create(S, null, layout())).code()).isEqualTo(SHOW_EXISTS);
            f.ledger = new Ledger(f.store);
            assertThat(f.run(f.cmd.create(S, null, layout())).code()).as("after a restart too").isEqualTo(SHOW_EXISTS);
        }

        @Test
        void onlyAnAdminMayArchive() {
            assertThat(f.run(f.cmd.archive(ALICE, S)).code()).isEqualTo(FORBIDDEN);
            assertThat(f.run(f.cmd.archive(ALICE, "nope")).code()).isEqualTo(FORBIDDEN);
            assertThat(f.run(f.cmd.archive(ADMIN, "nope")).code()).isEqualTo(SHOW_NOT_FOUND);
        }

        @Test
        void anExpiryDueAfterTheArchiveIsNoEvent() {
            f.run(f.cmd.holdFor(ALICE, S, "h1", 5, "A-1"));
            f.run(f.cmd.archive(ADMIN, S));
            assertThat(f.advance(Duration.ofSeconds(10))).isEmpty();
        }
    }

}
