package com.seatledger.ledger.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.seatledger.ledger.Cmd;
import com.seatledger.ledger.core.Ledger;
import com.seatledger.topics.Topics;
import com.seatledger.topics.Topics.DlqHeaders;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.json.JsonSerde;
import com.seatledger.topics.message.*;

/** The real topology, driven record by record with a mocked wall clock. */
class LedgerTopologyTest {


    static final String S = "s1";

    TopologyTestDriver driver;
    TestInputTopic<byte[], byte[]> commands;
    TestOutputTopic<String, CommandResult> results;
    TestOutputTopic<String, ShowEvent> events;
    TestOutputTopic<byte[], byte[]> dlq;
    TestOutputTopic<String, ShowSnapshot> snapshots;
    Cmd cmd = new Cmd();
    /** The driver's mocked wall clock, which it does not expose. */
    java.time.Instant clock = Cmd.T0;

    private void advance(Duration d) {
        clock = clock.plus(d);
        driver.advanceWallClockTime(d);
    }

    /**
     * A snapshot interval and a half: a pass begins at the interval and its snapshots, built off the
     * stream thread, are written by the first punctuation that finds them built, at the latest half an
     * interval later (never at the same time as the next pass begins). Returns the pass's time.
     */
    private Instant snapshotPass() {
        advance(LedgerSettings.DEFAULTS.snapshotInterval());
        Instant pass = clock;
        advance(LedgerSettings.DEFAULTS.snapshotInterval().dividedBy(2));
        return pass;
    }

    /** Set by a test to make the ledger fail on the second seat of a change. */
    boolean failing;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        Topology topology = LedgerTopology.addTo(new Topology(), LedgerSettings.DEFAULTS, (shows, recent) -> {
            Ledger ledger = new Ledger(shows, recent);
            int[] moves = {0};
            ledger.beforeSeatMove(seat -> {
                if (failing && ++moves[0] % 2 == 0) {
                    throw new IllegalStateException("injected failure half-way through a change");
                }
            });
            return ledger;
        }, LedgerMetrics.NONE);
        driver = new TopologyTestDriver(topology, props, Cmd.T0);
        commands = driver.createInputTopic(Topics.COMMANDS.name(), new ByteArraySerializer(), new ByteArraySerializer(),
                Cmd.T0, Duration.ZERO);
        results = driver.createOutputTopic(Topics.COMMAND_RESULTS.name(), new StringDeserializer(),
                JsonSerde.of(CommandResult.class));
        events = driver.createOutputTopic(Topics.SEAT_STATUS.name(), new StringDeserializer(),
                JsonSerde.of(ShowEvent.class));
        dlq = driver.createOutputTopic(Topics.COMMANDS_DLQ.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        snapshots = driver.createOutputTopic(Topics.SNAPSHOTS.name(), new StringDeserializer(),
                JsonSerde.of(ShowSnapshot.class));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(String key, byte[] value, Header... headers) {
        commands.pipeInput(new TestRecord<>(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value,
                new RecordHeaders(headers), clock));
    }

    private CommandResult decide(Command c) {
        send(c.showId(), Json.MAPPER.writeValueAsBytes(c));
        return onlyResult();
    }

    private CommandResult onlyResult() {
        List<TestRecord<String, CommandResult>> out = results.readRecordsToList();
        assertThat(out).hasSize(1);
        return out.get(0).value();
    }

    private void createShow(Policy policy, List<SeatDef> seats) {
        assertThat(decide(cmd.create(S, policy, seats)).code()).isEqualTo(ResultCode.OK);
        events.readValuesToList();
    }

    @Test
    void holdThenConfirm() {
        createShow(null, Cmd.rows("STALLS", "AB", 10));
        CommandResult held = decide(cmd.hold("alice", S, "h1", "A-1", "A-2"));
        assertThat(held.outcome()).isEqualTo(Outcome.ACCEPTED);
        CommandResult sold = decide(cmd.confirm("alice", S, "h1", "o1"));
        assertThat(sold.orderId()).isEqualTo("o1");
        List<TestRecord<String, ShowEvent>> out = events.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsOnly(S);
        assertThat(out).extracting(r -> r.value().cause()).containsExactly(Cause.HOLD, Cause.CONFIRM);
        assertThat(out).extracting(r -> r.value().seq()).containsExactly(2L, 3L);
        assertThat(sold.seq()).isEqualTo(3L);
        assertThat(out.get(1).value().seats()).extracting(SeatChange::status).containsOnly(SeatStatus.SOLD);
    }

    @Test
    void changedShowsAreSnapshottedOncePerIntervalWithTheirActiveHolds() {
        createShow(null, Cmd.rows("STALLS", "AB", 3));
        decide(cmd.hold("alice", S, "h1", "B-2"));
        decide(cmd.hold("bob", S, "h2", "A-1"));
        decide(cmd.release("bob", S, "h2"));
        assertThat(snapshots.isEmpty()).as("nothing before the interval").isTrue();
        advance(LedgerSettings.DEFAULTS.snapshotInterval());
        Instant pass = clock;
        decide(cmd.hold("carol", S, "h3", "A-3"));
        advance(LedgerSettings.DEFAULTS.snapshotInterval().dividedBy(2));
        List<TestRecord<String, ShowSnapshot>> out = snapshots.readRecordsToList();
        assertThat(out).hasSize(1);
        ShowSnapshot snap = out.get(0).value();
        assertThat(out.get(0).key()).isEqualTo(S);
        assertThat(snap.seq()).as("the state when the pass began, not a decision after it").isEqualTo(4);
        assertThat(snap.coveredUntil()).isEqualTo(pass);
        assertThat(out.get(0).timestamp()).isEqualTo(pass.toEpochMilli());
        assertThat(snap.seats()).extracting(ShowSeat::seatId).containsExactly("A-1", "A-2", "A-3", "B-1", "B-2", "B-3");
        assertThat(snap.seats()).filteredOn(x -> x.status() == SeatStatus.HELD).extracting(ShowSeat::seatId)
                .containsExactly("B-2");
        assertThat(snap.holds()).extracting(Hold::holdId).containsExactly("h1");
        assertThat(snap.availability().get("STALLS")).isEqualTo(new Availability(5, 1, 0, 0));
        assertThat(snapshotPass()).isNotNull();
        assertThat(snapshots.readValue().holds()).as("changed again while the pass was built: due again")
                .extracting(Hold::holdId).containsExactly("h1", "h3");
        snapshotPass();
        assertThat(snapshots.isEmpty()).as("an unchanged show is not snapshotted again").isTrue();
        decide(cmd.release("alice", S, "h1"));
        decide(cmd.release("carol", S, "h3"));
        snapshotPass();
        assertThat(snapshots.readValue().holds()).isEmpty();
    }

    /**
     * The ledger holds the rewrites of its open journal page and idempotency batch back until the
     * task commits ({@link CommitHookStore}); they must reach the changelogs in that commit, or a
     * crash after it would lose accepted holds. The driver commits after every record.
     */
    @Test
    void heldBackPagesAndBatchesReachTheChangelogsInTheCommit() {
        assertThat(CommitHookStore.under(driver.getKeyValueStore(LedgerStores.STATE))).isNotNull();
        assertThat(CommitHookStore.under(driver.getKeyValueStore(LedgerStores.RECENT))).isNotNull();
        TestOutputTopic<String, byte[]> state = changelog(LedgerStores.STATE);
        TestOutputTopic<String, byte[]> recent = changelog(LedgerStores.RECENT);
        createShow(null, Cmd.rows("STALLS", "A", 10));
        assertThat(keys(recent)).as("the CREATE's idempotency record").anyMatch(k -> k.startsWith("cb|"));
        keys(state);

        decide(cmd.hold("alice", S, "h1", "A-1"));
        assertThat(state.readKeyValuesToList()).as("the HOLD's journal entry")
                .anyMatch(kv -> kv.key.startsWith("sp|" + S + "|") && kv.value.length > 2);
        assertThat(keys(recent)).as("the HOLD's idempotency record").anyMatch(k -> k.startsWith("cb|"));
    }

    private static List<String> keys(TestOutputTopic<String, byte[]> topic) {
        return topic.readKeyValuesToList().stream().map(kv -> kv.key).toList();
    }

    private TestOutputTopic<String, byte[]> changelog(String store) {
        return driver.createOutputTopic("ledger-test-" + store + "-changelog", new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @Test
    void holdExpiresOnTheWallClockPunctuator() {
        createShow(null, Cmd.rows("STALLS", "A", 10));
        decide(cmd.holdFor("alice", S, "h1", 30, "A-1"));
        events.readValuesToList();
        advance(Duration.ofSeconds(29));
        assertThat(events.isEmpty()).isTrue();
        advance(Duration.ofMillis(1_200));
        ShowEvent expired = events.readValue();
        assertThat(expired.cause()).isEqualTo(Cause.EXPIRE);
        assertThat(expired.hold().status()).isEqualTo(HoldStatus.EXPIRED);
        // stamped within one punctuation interval of expiresAt
        assertThat(Duration.between(expired.hold().expiresAt(), expired.at()))
                .isLessThanOrEqualTo(LedgerSettings.DEFAULTS.punctuateInterval());
        assertThat(decide(cmd.confirm("alice", S, "h1", "o1")).code()).isEqualTo(ResultCode.HOLD_EXPIRED);
    }

    @Test
    void extendWithinAndBeyondMaxHoldSeconds() {
        createShow(new Policy(60, 300, null, null), Cmd.rows("STALLS", "A", 10));
        decide(cmd.hold("alice", S, "h1", "A-1"));
        advance(Duration.ofSeconds(50));
        CommandResult within = decide(cmd.extend("alice", S, "h1", 120));
        assertThat(within.hold().expiresAt()).isEqualTo(Cmd.T0.plusSeconds(170));
        advance(Duration.ofSeconds(100));
        CommandResult beyond = decide(cmd.extend("alice", S, "h1", 250));
        assertThat(beyond.hold().expiresAt()).isEqualTo(Cmd.T0.plusSeconds(300));
        assertThat(decide(cmd.holdFor("bob", S, "h2", 301, "A-2")).code()).isEqualTo(ResultCode.HOLD_TOO_LONG);
        advance(Duration.ofSeconds(151));
        assertThat(events.readValuesToList()).extracting(ShowEvent::cause)
                .containsExactly(Cause.HOLD, Cause.EXTEND, Cause.EXTEND, Cause.EXPIRE);
    }

    @Test
    void replacingAHoldKeepsSharedSeatsOutOfTheEvent() {
        createShow(null, Cmd.rows("STALLS", "A", 10));
        decide(cmd.hold("alice", S, "h1", "A-1", "A-2"));
        decide(cmd.replace("alice", S, "h2", "h1", "A-2", "A-3"));
        List<ShowEvent> out = events.readValuesToList();
        ShowEvent replaced = out.get(out.size() - 1);
        assertThat(replaced.replacedHoldId()).isEqualTo("h1");
        assertThat(replaced.seats()).extracting(SeatChange::seatId).containsExactlyInAnyOrder("A-1", "A-3");
        assertThat(replaced.seats()).extracting(SeatChange::seatId).doesNotContain("A-2");
    }

    @Test
    void aDuplicateIsRepublishedWithNoNewEffect() {
        createShow(null, Cmd.rows("STALLS", "A", 10));
        HoldSeats hold = cmd.hold("alice", S, "h1", "A-1");
        CommandResult first = decide(hold);
        events.readValuesToList();
        CommandResult again = decide(hold);
        assertThat(again.duplicate()).isTrue();
        assertThat(again).isEqualTo(first.asDuplicate());
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void resultsEchoTheRequestHeadersForRequestReply() {
        createShow(null, Cmd.rows("STALLS", "A", 10));
        HoldSeats hold = cmd.hold("alice", S, "h1", "A-1");
        send(S, Json.MAPPER.writeValueAsBytes(hold),
                new org.apache.kafka.common.header.internals.RecordHeader("kafka_correlationId", new byte[] {1, 2, 3}));
        TestRecord<String, CommandResult> reply = results.readRecord();
        assertThat(reply.headers().lastHeader("kafka_correlationId").value()).containsExactly(1, 2, 3);
        assertThat(reply.key()).isEqualTo(S);
    }

    @Test
    void poisonIsDeadLetteredAndTheNextCommandIsStillDecided() {
        createShow(null, Cmd.rows("STALLS", "A", 10));
        byte[] garbage = {(byte) 0xde, (byte) 0xad, '{'};
        send("k1", garbage);
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(dead.key()).isEqualTo("k1".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(dead.headers().lastHeader(DlqHeaders.ERROR).value(), StandardCharsets.UTF_8))
                .startsWith("not JSON");
        assertThat(dead.headers().lastHeader(DlqHeaders.TOPIC)).isNotNull();
        assertThat(results.isEmpty()).as("no ids could be read, so no result").isTrue();

        assertThat(decide(cmd.hold("alice", S, "h1", "A-1")).code()).isEqualTo(ResultCode.OK);
    }

    @Test
    void unknownTypeIsDeadLetteredAndRejectedWhenItsIdsCanBeRead() {
        send(S, "{\"commandId\":\"c-x\",\"showId\":\"s1\",\"type\":\"TELEPORT\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(dlq.readValuesToList()).hasSize(1);
        CommandResult r = onlyResult();
        assertThat(r.commandId()).isEqualTo("c-x");
        assertThat(r.code()).isEqualTo(ResultCode.INVALID_COMMAND);
    }

    @Test
    void invalidFieldsAreRejectedWithoutDeadLettering() {
        send(S, ("{\"commandId\":\"c-x\",\"showId\":\"s1\",\"type\":\"HOLD\",\"actor\":\"a\",\"holdId\":\"h\","
                + "\"seatIds\":[\"A-1\"],\"ttlSeconds\":\"soon\"}").getBytes(StandardCharsets.UTF_8));
        CommandResult r = onlyResult();
        assertThat(r.code()).isEqualTo(ResultCode.INVALID_COMMAND);
        assertThat(r.message()).startsWith("ttlSeconds");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void aKeyOtherThanTheShowIdIsInvalid() {
        createShow(null, Cmd.rows("STALLS", "A", 10));
        HoldSeats hold = cmd.hold("alice", S, "h1", "A-1");
        send("other-show", Json.MAPPER.writeValueAsBytes(hold));
        assertThat(onlyResult().code()).isEqualTo(ResultCode.INVALID_COMMAND);
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void aHundredThousandSeatShowWorksEndToEnd() {
        List<SeatDef> seats = new ArrayList<>();
        for (int row = 0; row < 400; row++) {
            for (int n = 1; n <= 250; n++) {
                seats.add(new SeatDef("R" + row + "-" + n, "MAIN", "R" + row, n, row < 100 ? "PREMIUM" : "STANDARD"));
            }
        }
        CreateShow create = cmd.create(S, null, seats);
        assertThat(Json.MAPPER.writeValueAsBytes(create).length).isLessThan(Topics.MAX_MESSAGE_BYTES);
        assertThat(decide(create).code()).isEqualTo(ResultCode.OK);
        ShowEvent created = events.readValue();
        assertThat(created.layout().seats()).hasSize(100_000);
        assertThat(Json.MAPPER.writeValueAsBytes(created).length).isLessThan(Topics.MAX_MESSAGE_BYTES);

        assertThat(decide(cmd.hold("alice", S, "h1", "R399-250")).code()).isEqualTo(ResultCode.OK);
        CommandResult best = decide(cmd.best("bob", S, "h2", "STANDARD", 4, true));
        assertThat(best.hold().seatIds()).containsExactly("R100-124", "R100-125", "R100-126", "R100-127");
        ShowEvent last = events.readValuesToList().get(1);
        assertThat(last.availability().get("STANDARD")).isEqualTo(new Availability(74_995, 5, 0, 0));
        assertThat(last.availability().get("PREMIUM").available()).isEqualTo(25_000);
    }

    private long storedKeys() {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(LedgerStores.STATE);
        long n = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }

    @Test
    void aDecisionFailingHalfWayStoresNothingAndIsDeadLettered() {
        createShow(null, Cmd.rows("STALLS", "A", 10));
        long keys = storedKeys();
        failing = true;
        HoldSeats hold = cmd.hold("alice", S, "h1", "A-1", "A-2", "A-3");
        CommandResult r = decide(hold);
        failing = false;

        assertThat(r.code()).isEqualTo(ResultCode.INVALID_COMMAND);
        assertThat(events.isEmpty()).as("no event of a failed decision").isTrue();
        assertThat(dlq.readValue()).isEqualTo(Json.MAPPER.writeValueAsBytes(hold));
        assertThat(storedKeys()).as("nothing of it stored").isEqualTo(keys);

        CommandResult next = decide(cmd.hold("bob", S, "h2", "A-1", "A-2", "A-3"));
        assertThat(next.code()).as("the same seats are still free").isEqualTo(ResultCode.OK);
        assertThat(next.seq()).as("no seq was used by the failed decision").isEqualTo(2L);
    }

    @Test
    void anExpiryFailingHalfWayLeavesTheHoldWholeAndIsTriedAgain() {
        createShow(null, Cmd.rows("STALLS", "A", 10));
        assertThat(decide(cmd.holdFor("alice", S, "h1", 5, "A-1", "A-2")).code()).isEqualTo(ResultCode.OK);
        events.readValuesToList();
        long keys = storedKeys();
        failing = true;
        advance(Duration.ofSeconds(6));
        assertThat(events.isEmpty()).as("no half expiry").isTrue();
        assertThat(storedKeys()).isEqualTo(keys);
        assertThat(decide(cmd.hold("bob", S, "h2", "A-2")).code()).as("A-2 is still held by h1")
                .isEqualTo(ResultCode.SEAT_UNAVAILABLE);
        failing = false;

        advance(Duration.ofSeconds(31));
        List<ShowEvent> expired = events.readValuesToList();
        assertThat(expired).extracting(ShowEvent::cause).containsExactly(Cause.EXPIRE);
        assertThat(expired.get(0).seats()).hasSize(2);
        assertThat(decide(cmd.hold("bob", S, "h3", "A-2")).code()).isEqualTo(ResultCode.OK);
    }

    @Test
    void archivingTombstonesTheShowsSnapshot() {
        createShow(null, Cmd.rows("STALLS", "A", 10));
        assertThat(decide(cmd.hold("alice", S, "h1", "A-1")).code()).isEqualTo(ResultCode.OK);
        snapshotPass();
        assertThat(snapshots.readValuesToList()).hasSize(1);
        assertThat(decide(cmd.archive(Cmd.BOX_OFFICE, S)).code()).isEqualTo(ResultCode.OK);
        assertThat(events.readValuesToList()).extracting(ShowEvent::cause).containsExactly(Cause.HOLD, Cause.ARCHIVE);
        TestRecord<String, ShowSnapshot> tombstone = snapshots.readRecord();
        assertThat(tombstone.key()).isEqualTo(S);
        assertThat(tombstone.value()).isNull();
        snapshotPass();
        assertThat(snapshots.isEmpty()).as("no snapshot of an archived show").isTrue();
    }

    @Test
    void aShowArchivedWhileItsSnapshotIsBuiltGetsNoSnapshotAfterItsTombstone() {
        createShow(null, Cmd.rows("STALLS", "A", 10));
        assertThat(decide(cmd.hold("alice", S, "h1", "A-1")).code()).isEqualTo(ResultCode.OK);
        advance(LedgerSettings.DEFAULTS.snapshotInterval());
        assertThat(decide(cmd.archive(Cmd.BOX_OFFICE, S)).code()).isEqualTo(ResultCode.OK);
        advance(LedgerSettings.DEFAULTS.snapshotInterval().dividedBy(2));
        List<TestRecord<String, ShowSnapshot>> out = snapshots.readRecordsToList();
        assertThat(out).as("the tombstone only").singleElement().satisfies(r -> assertThat(r.value()).isNull());
    }
}
