package com.seatledger.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatStatus;

/**
 * Every released store format stays readable. {@code golden/store-format-1.tsv} holds every record
 * that a ledger of format 1 wrote for one scripted evening ({@link #evening}): a layout with areas, a
 * checkpoint with holds, orders and places, journal pages (one full and deflated, one open),
 * idempotency batches (full and open), a snapshot mark, the covered-until stamp and an archived id.
 *
 * <p>The file was written once, when format 1 was made, with
 * {@code mvn -pl ledger-app test -Dtest=StoreGoldenTest -Dgolden.write=true}, and is never rewritten:
 * a new format gets its own file beside it, and this one is read by every later release.
 */
class StoreGoldenTest {

    static final String FORMAT_1 = "golden/store-format-1.tsv";
    private static final String SHOW = "gold";
    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final String ADMIN = Cmd.BOX_OFFICE;

    record Decided(Command command, CommandResult result) {
    }

    /** The scripted evening, run on {@code f}; the commands in order with their results. */
    static List<Decided> evening(LedgerFixture f) {
        List<Decided> out = new ArrayList<>();
        java.util.function.Consumer<Command> run = c -> out.add(new Decided(c, f.run(c)));
        run.accept(f.cmd.createWithAreas(SHOW, new Policy(300, 1800, 8, false), Cmd.rows("STALLS", "AB", 5),
                List.of(new AreaDef("FLOOR", "Standing floor", "GA", 10), new AreaDef("LAWN", "Lawn", "GA", 3))));
        run.accept(f.cmd.holdPlaces(ALICE, SHOW, "h1", Cmd.places("FLOOR:2"), "A-1", "A-2"));
        run.accept(f.cmd.hold(BOB, SHOW, "h2", "B-1"));
        run.accept(f.cmd.confirm(BOB, SHOW, "h2", "o1"));
        run.accept(f.cmd.sellPlaces(ADMIN, SHOW, "o2", Cmd.places("LAWN:1"), "A-5"));
        run.accept(f.cmd.sell(ADMIN, SHOW, "o3", "B-5"));
        run.accept(f.cmd.cancel(ADMIN, SHOW, "o3"));
        run.accept(f.cmd.block(ADMIN, SHOW, "B-3"));
        // what came so far is in the checkpoint, what follows in journal entries after it
        f.ledger.journal().checkpoint(f.ledger.show(SHOW));
        run.accept(f.cmd.holdFor("carol", SHOW, "h3", 5, "A-4"));
        f.advance(Duration.ofSeconds(6));
        run.accept(f.cmd.hold("dave", SHOW, "h4", "B-2"));
        run.accept(f.cmd.release("dave", SHOW, "h4"));
        run.accept(f.cmd.extend(ALICE, SHOW, "h1", 900));
        run.accept(f.cmd.hold(BOB, SHOW, "h5", "A-1"));
        // enough entries and idempotency records to fill (and deflate) a page and a batch
        for (int i = 0; i < 200; i++) {
            run.accept(f.cmd.hold("eve", SHOW, "e" + i, "B-4"));
            run.accept(f.cmd.release("eve", SHOW, "e" + i));
        }
        run.accept(f.cmd.create("gone", null, Cmd.rows("STALLS", "A", 2)));
        run.accept(f.cmd.archive(ADMIN, "gone"));
        f.ledger.snapshotMarks().due(SHOW, f.now);
        f.ledger.snapshotMarks().coveredUntil(f.now.toEpochMilli());
        return out;
    }

    @Test
    void aStoreOfFormat1LoadsAsTheStateItWasWrittenFrom() throws IOException {
        LedgerFixture f = golden(FORMAT_1);
        Instant end = Cmd.T0.plusSeconds(6);

        assertThat(statuses(f)).containsExactly(
                Map.entry("A-1", SeatStatus.HELD), Map.entry("A-2", SeatStatus.HELD),
                Map.entry("A-3", SeatStatus.AVAILABLE), Map.entry("A-4", SeatStatus.AVAILABLE),
                Map.entry("A-5", SeatStatus.SOLD), Map.entry("B-1", SeatStatus.SOLD),
                Map.entry("B-2", SeatStatus.AVAILABLE), Map.entry("B-3", SeatStatus.BLOCKED),
                Map.entry("B-4", SeatStatus.AVAILABLE), Map.entry("B-5", SeatStatus.AVAILABLE));
        assertThat(f.ledger.reads().owner(SHOW, "A-1")).isEqualTo("h1");
        assertThat(f.ledger.reads().owner(SHOW, "A-5")).isEqualTo("o2");
        assertThat(f.ledger.reads().owner(SHOW, "B-1")).isEqualTo("o1");

        Hold h1 = f.hold(SHOW, "h1");
        assertThat(h1.actor()).isEqualTo(ALICE);
        assertThat(h1.status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(h1.seatIds()).containsExactly("A-1", "A-2");
        assertThat(h1.areas()).singleElement().satisfies(a -> {
            assertThat(a.areaId()).isEqualTo("FLOOR");
            assertThat(a.quantity()).isEqualTo(2);
        });
        assertThat(h1.createdAt()).isEqualTo(Cmd.T0);
        assertThat(h1.expiresAt()).as("extended at T0+6s by 900 s").isEqualTo(end.plusSeconds(900));
        assertThat(f.hold(SHOW, "h2").status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(f.hold(SHOW, "h3").status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(f.hold(SHOW, "h4").status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(f.hold(SHOW, "e199").status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(f.hold(SHOW, "h5")).as("rejected, never held").isNull();

        ShowState show = f.ledger.show(SHOW);
        assertThat(show.name).isEqualTo("Show gold");
        assertThat(show.policy).isEqualTo(new Policy(300, 1800, 8, false));
        assertThat(show.seq).as("CREATE, 7 changes (the checkpoint); HOLD, EXPIRE, HOLD, RELEASE, EXTEND, 400 more")
                .isEqualTo(413);
        assertThat(show.orders.get("o1").holdId()).isEqualTo("h2");
        assertThat(show.orders.get("o1").cancelled()).isFalse();
        assertThat(show.orders.get("o2").actor()).isEqualTo(ADMIN);
        assertThat(show.orders.get("o2").soldAt()).isEqualTo(Cmd.T0);
        assertThat(show.orders.get("o2").places().toWire(show)).singleElement()
                .satisfies(a -> assertThat(a.areaId()).isEqualTo("LAWN"));
        assertThat(show.orders.get("o3").cancelled()).isTrue();
        int floor = show.area("FLOOR");
        int lawn = show.area("LAWN");
        assertThat(show.places(floor, SeatStatus.AVAILABLE)).isEqualTo(8);
        assertThat(show.places(floor, SeatStatus.HELD)).isEqualTo(2);
        assertThat(show.places(lawn, SeatStatus.AVAILABLE)).isEqualTo(2);
        assertThat(show.places(lawn, SeatStatus.SOLD)).isEqualTo(1);
        assertThat(f.ledger.reads().heldBy(SHOW, ALICE)).isEqualTo(4);

        assertThat(f.ledger.snapshotMarks().due()).containsExactly(SHOW);
        assertThat(f.ledger.snapshotMarks().coveredUntil()).isEqualTo(end.toEpochMilli());
        assertThat(f.ledger.journal().archived()).containsExactly("gone");

        // and it goes on from there: the next seq, the rules on the restored state, the hold's expiry
        f.now = end;
        Cmd later = new Cmd("later-");
        assertThat(f.run(later.hold(BOB, SHOW, "later", "A-2")).code()).isEqualTo(ResultCode.SEAT_UNAVAILABLE);
        CommandResult next = f.run(later.hold(BOB, SHOW, "later", "A-3"));
        assertThat(next.seq()).isEqualTo(414);
        assertThat(f.run(later.create("gone", null, Cmd.rows("STALLS", "A", 2))).code()).isEqualTo(ResultCode.SHOW_EXISTS);
        assertThat(f.advance(Duration.ofSeconds(901))).anySatisfy(e -> assertThat(e.hold().holdId()).isEqualTo("h1"));
    }

    @Test
    void retriesOfCommandsDecidedUnderFormat1AnswerAsDuplicatesWithTheirOriginalResults() throws IOException {
        List<Decided> original = evening(new LedgerFixture());
        LedgerFixture f = golden(FORMAT_1);
        f.now = Cmd.T0.plusSeconds(6);
        for (Decided d : original) {
            CommandResult again = f.run(d.command());
            assertThat(again.duplicate()).as(d.command().commandId()).isTrue();
            assertThat(again).as(d.command().commandId()).isEqualTo(d.result().asDuplicate());
        }
    }

    /**
     * Today's code writes the evening (no channels, no seat attributes) as format 1 did, marked
     * format 1 (compared body by body, so a different deflater's bytes do not count): an instance of
     * 0.1.0 can take over such a show during a rolling upgrade, and a change of what is stored must
     * come as a new format version.
     */
    @Test
    void theCurrentCodeWritesFormat1AsItWasReleased() throws IOException {
        Map<String, byte[]> golden = read(FORMAT_1);
        LedgerFixture f = new LedgerFixture();
        evening(f);
        Map<String, byte[]> now = dump(f.store);
        assertThat(now.keySet()).containsExactlyElementsOf(golden.keySet());
        now.forEach((key, value) -> assertThat(value[0]).as(key).isEqualTo((byte) 1));
        now.forEach((key, value) -> assertThat(body(key, value)).as(key).isEqualTo(body(key, golden.get(key))));
    }

    static byte[] body(String key, byte[] value) {
        if (key.startsWith("sl|") || key.startsWith("sk|")) {
            // a chunk of a layout or checkpoint: the version, the chunk count, then its part of the value
            Bin.In in = new Bin.In(value);
            in.b();
            assertThat(in.i()).as("chunks of " + key).isEqualTo(1);
            return StoreFormat.body(key, in.rest());
        }
        return StoreFormat.body(key, value);
    }

    @Test
    @EnabledIfSystemProperty(named = "golden.write", matches = "true")
    void write() throws IOException {
        LedgerFixture f = new LedgerFixture();
        evening(f);
        write(f.store, FORMAT_1);
    }

    /** Every record of {@code store} into the golden file {@code resource} (in the source tree). */
    static void write(MemoryStore store, String resource) throws IOException {
        StringBuilder tsv = new StringBuilder();
        dump(store).forEach((key, value) -> tsv.append(key).append('\t')
                .append(Base64.getEncoder().encodeToString(value)).append('\n'));
        Path file = Path.of("src/test/resources", resource);
        Files.createDirectories(file.getParent());
        Files.writeString(file, tsv);
    }

    static LedgerFixture golden(String resource) throws IOException {
        LedgerFixture f = new LedgerFixture();
        read(resource).forEach(f.store::put);
        f.ledger = new Ledger(f.store);
        return f;
    }

    static Map<String, byte[]> read(String resource) throws IOException {
        Map<String, byte[]> values = new TreeMap<>();
        try (InputStream in = StoreGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] kv = line.split("\t");
                    values.put(kv[0], Base64.getDecoder().decode(kv[1]));
                }
            }
        }
        return values;
    }

    static Map<String, byte[]> dump(MemoryStore store) {
        Map<String, byte[]> all = new TreeMap<>();
        store.scan("", "\uffff", (key, value) -> {
            all.put(key, value);
            return true;
        });
        return all;
    }

    private static Map<String, SeatStatus> statuses(LedgerFixture f) {
        Map<String, SeatStatus> out = new java.util.LinkedHashMap<>();
        for (String row : List.of("A", "B")) {
            for (int n = 1; n <= 5; n++) {
                out.put(row + "-" + n, f.status(SHOW, row + "-" + n));
            }
        }
        return out;
    }
}
