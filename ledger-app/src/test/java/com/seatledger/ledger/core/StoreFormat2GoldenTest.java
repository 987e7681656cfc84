package com.seatledger.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.seatledger.ledger.Cmd;
import com.seatledger.ledger.core.StoreGoldenTest.Decided;
import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.AreaQuota;
import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.Channel;
import com.seatledger.topics.message.ChannelDef;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.ShowSeat;

/**
 * Store format 2 (channels and seat attributes) stays readable. {@code golden/store-format-2.tsv}
 * holds every record a ledger wrote for a scripted presale evening ({@link #evening}): a layout with
 * attribute sets, a checkpoint with channels, seat channels, quotas and channel places of a hold and
 * an order, journal entries that move channels and places of a quota, and idempotency records of
 * holds with channel places.
 *
 * <p>Format 2 is not released yet: until the release that first writes it is made, a change to it
 * rewrites this file with {@code mvn -pl ledger-app test -Dtest=StoreFormat2GoldenTest
 * -Dgolden.write=true}; from that release on it is never rewritten (docs/upgrading.md).
 */
class StoreFormat2GoldenTest {

    static final String FORMAT_2 = "golden/store-format-2.tsv";
    private static final String SHOW = "presale";
    private static final String FAN = "fan";
    private static final List<String> FANS = List.of("fanclub");

    static List<Decided> evening(LedgerFixture f) {
        List<Decided> out = new ArrayList<>();
        java.util.function.Consumer<Command> run = c -> out.add(new Decided(c, f.run(c)));
        List<SeatDef> seats = new ArrayList<>();
        for (SeatDef d : Cmd.rows("STALLS", "AB", 5)) {
            List<String> attributes = d.seatId().equals("B-1") ? List.of("WHEELCHAIR", "AISLE")
                    : d.seatId().equals("B-2") ? List.of("COMPANION") : d.seatId().equals("A-5") ? List.of("RESTRICTED_VIEW")
                    : List.of();
            seats.add(new SeatDef(d.seatId(), d.section(), d.row(), d.number(), d.category(), attributes));
        }
        run.accept(f.cmd.createWithChannels(SHOW, new Policy(300, 1800, 8, false), seats,
                List.of(new AreaDef("FLOOR", "Standing floor", "GA", 10)),
                List.of(new ChannelDef("fanclub", "Fan club", List.of("A-1", "A-2"), List.of(new AreaQuantity("FLOOR", 4))))));
        run.accept(f.cmd.holdIn(FANS, FAN, SHOW, "h1", List.of(new AreaQuantity("FLOOR", 2, "fanclub")), "A-1"));
        run.accept(f.cmd.holdIn(FANS, FAN, SHOW, "h2", List.of(new AreaQuantity("FLOOR", 1, "fanclub")), "A-2"));
        run.accept(f.cmd.confirm(FAN, SHOW, "h2", "o1"));
        // what came so far is in the checkpoint, what follows in journal entries after it
        f.ledger.journal().checkpoint(f.ledger.show(SHOW));
        run.accept(f.cmd.assign(SHOW, "partner", "Sponsor", List.of(new AreaQuantity("FLOOR", 1, "fanclub")), "A-3"));
        run.accept(f.cmd.holdIn(List.of(), "pub", SHOW, "h3", null, "A-3"));
        run.accept(f.cmd.bestIn(List.of(), "wheels", SHOW, "h4",
                new BestAvailable("STALLS", 1, true, null, List.of("WHEELCHAIR"), List.of(), 1)));
        run.accept(f.cmd.holdIn(List.of("partner"), "vip", SHOW, "h5", List.of(new AreaQuantity("FLOOR", 1, "partner"))));
        run.accept(f.cmd.assign(SHOW, null, null, List.of(), "A-4"));
        return out;
    }

    @Test
    void aStoreOfFormat2LoadsAsTheStateItWasWrittenFrom() throws IOException {
        LedgerFixture f = StoreGoldenTest.golden(FORMAT_2);
        ShowState show = f.ledger.show(SHOW);
        assertThat(show.channels.list()).containsExactly(new Channel("fanclub", "Fan club"), new Channel("partner", "Sponsor"));
        assertThat(show.seats()).extracting(ShowSeat::channel).containsExactly("fanclub", "fanclub", "partner", null,
                null, null, null, null, null, null);
        assertThat(show.seats().get(5).attributes()).containsExactly("WHEELCHAIR", "AISLE");
        assertThat(show.seats().get(4).attributes()).containsExactly("RESTRICTED_VIEW");
        assertThat(show.channels.quotas()).containsExactly(new AreaQuota("FLOOR", "fanclub", 0, 2, 1, 0),
                new AreaQuota("FLOOR", "partner", 0, 1, 0, 0));
        assertThat(f.hold(SHOW, "h1").areas()).containsExactly(new AreaQuantity("FLOOR", 2, "fanclub"));
        assertThat(f.hold(SHOW, "h4").seatIds()).containsExactly("B-1", "B-2");
        assertThat(f.hold(SHOW, "h2").status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(show.orders.get("o1").places().toWire(show)).containsExactly(new AreaQuantity("FLOOR", 1, "fanclub"));
        assertThat(f.run(new Cmd("later-").holdIn(List.of(), "pub", SHOW, "x", null, "A-1")).code())
                .as("still the fan club's").isEqualTo(ResultCode.CHANNEL_RESTRICTED);
        f.advance(Duration.ofSeconds(301));
        assertThat(show.channels.quotas()).as("expired places went back to their channels")
                .contains(new AreaQuota("FLOOR", "fanclub", 2, 0, 1, 0), new AreaQuota("FLOOR", "partner", 1, 0, 0, 0));
    }

    @Test
    void retriesOfCommandsDecidedUnderFormat2AnswerAsDuplicatesWithTheirOriginalResults() throws IOException {
        List<Decided> original = evening(new LedgerFixture());
        LedgerFixture f = StoreGoldenTest.golden(FORMAT_2);
        for (Decided d : original) {
            CommandResult again = f.run(d.command());
            assertThat(again).as(d.command().commandId()).isEqualTo(d.result().asDuplicate());
        }
    }

    /** Today's code writes the presale evening as the golden file has it; values that need format 2 say so. */
    @Test
    void theCurrentCodeWritesFormat2AsTheGoldenFileHasIt() throws IOException {
        Map<String, byte[]> golden = StoreGoldenTest.read(FORMAT_2);
        LedgerFixture f = new LedgerFixture();
        evening(f);
        Map<String, byte[]> now = StoreGoldenTest.dump(f.store);
        assertThat(now.keySet()).containsExactlyElementsOf(golden.keySet());
        now.forEach((key, value) -> assertThat(StoreGoldenTest.body(key, value)).as(key)
                .isEqualTo(StoreGoldenTest.body(key, golden.get(key))));
        assertThat(now).as("layout, checkpoint, journal and idempotency records of the presale are format 2")
                .allSatisfy((key, value) -> assertThat(value[0]).as(key).isEqualTo((byte) 2));
    }

    @Test
    @EnabledIfSystemProperty(named = "golden.write", matches = "true")
    void write() throws IOException {
        LedgerFixture f = new LedgerFixture();
        evening(f);
        StoreGoldenTest.write(f.store, FORMAT_2);
    }
}
