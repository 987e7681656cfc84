package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.seatledger.bench.proto.Checkpoint;
import com.seatledger.bench.proto.Entry;
import com.seatledger.bench.proto.HoldRecord;
import com.seatledger.bench.proto.OrderRecord;
import com.seatledger.bench.proto.Processed;
import com.seatledger.bench.proto.SeatErrorRecord;
import com.seatledger.bench.proto.WireHold;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SeatError;
import com.seatledger.topics.message.SeatStatus;

/**
 * The ledger's stored records written and read by its own format ({@link Codec}) and by Protocol
 * Buffers (generated from {@code ledger_store.proto}, field for field), on the same records: the
 * journal entry and idempotency record every accepted hold writes, and the checkpoint of a
 * 100,000-seat show with 2,000 holds and 1,000 orders. Both sides go from the ledger's objects to
 * bytes and back to the ledger's objects. In this package to reach the codec; run by {@code bin/bench codec}.
 */
public final class CodecRace {

    /** One record kind: ns per write and per read (the best round of several), bytes each way. */
    public record Row(String record, String format, double writeNanos, double readNanos, int bytes) {
    }

    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
    private static volatile long sink;

    private CodecRace() {
    }

    public static List<Row> run(int rounds) throws InvalidProtocolBufferException {
        List<Row> rows = new ArrayList<>();
        Change hold = new Change(Cause.HOLD, NOW);
        hold.move(51_234, SeatStatus.HELD);
        hold.opened = new HoldRec("h-7f3a9c2e-buyer-4711", "buyer-4711", new int[] {51_234}, NOW,
                NOW.plusSeconds(600), HoldStatus.ACTIVE);
        ShowState big = bigShow();
        byte[] entry = Codec.entry(4_242, hold).toBytes();
        byte[] entryPb = entryProto(4_242, hold).toByteArray();
        rows.add(row("journal entry (one-seat hold)", "format 1", rounds, () -> Codec.entry(4_242, hold).size(),
                () -> Codec.change(big, new Bin.In(entry)).moves, entry.length));
        rows.add(row("journal entry (one-seat hold)", "protobuf", rounds,
                () -> entryProto(4_242, hold).toByteArray().length, () -> changeProto(big, entryPb).moves, entryPb.length));

        CommandResult result = new CommandResult("c-7f3a9c2e", "onsale", com.seatledger.topics.message.CommandType.HOLD,
                com.seatledger.topics.message.Outcome.ACCEPTED, com.seatledger.topics.message.ResultCode.OK, null,
                4_242L, false, new Hold("h-7f3a9c2e-buyer-4711", "buyer-4711", List.of("S-512-34"), NOW,
                        NOW.plusSeconds(600), HoldStatus.ACTIVE), null, List.of(), List.of());
        HoldSeats command = new HoldSeats("c-7f3a9c2e", "onsale", "buyer-4711", List.of("user"), NOW,
                "h-7f3a9c2e-buyer-4711", List.of("S-512-34"), null, null, null);
        byte[] processed = Codec.processed(0x1234_5678_9abc_def0L, NOW, result).toBytes();
        byte[] processedPb = processedProto(0x1234_5678_9abc_def0L, NOW, result).toByteArray();
        rows.add(row("idempotency record (accepted hold)", "format 1", rounds,
                () -> Codec.processed(0x1234_5678_9abc_def0L, NOW, result).size(),
                () -> Codec.processed(command, new Bin.In(processed)).fingerprint(), processed.length));
        rows.add(row("idempotency record (accepted hold)", "protobuf", rounds,
                () -> processedProto(0x1234_5678_9abc_def0L, NOW, result).toByteArray().length,
                () -> processedFromProto(command, processedPb).fingerprint(), processedPb.length));

        byte[] layout = Codec.layout(big).toBytes();
        byte[] checkpoint = Codec.checkpoint(big).toBytes();
        byte[] checkpointPb = checkpointProto(big).toByteArray();
        int slow = Math.max(3, rounds / 10);
        rows.add(row("checkpoint (100,000 seats, 2,000 holds, 1,000 orders)", "format 1", slow,
                () -> Codec.checkpoint(big).size(), () -> {
                    ShowState fresh = Codec.show("onsale", new Bin.In(layout));
                    long t0 = System.nanoTime();
                    Codec.restore(fresh, new Bin.In(checkpoint));
                    return System.nanoTime() - t0;
                }, checkpoint.length, true));
        rows.add(row("checkpoint (100,000 seats, 2,000 holds, 1,000 orders)", "protobuf", slow,
                () -> checkpointProto(big).toByteArray().length, () -> {
                    ShowState fresh = Codec.show("onsale", new Bin.In(layout));
                    long t0 = System.nanoTime();
                    restoreProto(fresh, checkpointPb);
                    return System.nanoTime() - t0;
                }, checkpointPb.length, true));
        return rows;
    }

    // ---- timing

    private interface Op {
        long run() throws InvalidProtocolBufferException;
    }

    private static Row row(String record, String format, int rounds, Op write, Op read, int bytes)
            throws InvalidProtocolBufferException {
        return row(record, format, rounds, write, read, bytes, false);
    }

    /** {@code readTimesItself}: the read op returns the nanoseconds of its measured part (one op per call). */
    private static Row row(String record, String format, int rounds, Op write, Op read, int bytes,
            boolean readTimesItself) throws InvalidProtocolBufferException {
        int perRound = readTimesItself ? 1 : 200_000;
        double bestWrite = Double.MAX_VALUE;
        double bestRead = Double.MAX_VALUE;
        for (int r = 0; r < rounds + 2; r++) { // two rounds of warm-up
            long t0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink += write.run();
            }
            double w = (System.nanoTime() - t0) / (double) perRound;
            double rd;
            if (readTimesItself) {
                rd = read.run();
            } else {
                long t1 = System.nanoTime();
                for (int i = 0; i < perRound; i++) {
                    sink += read.run();
                }
                rd = (System.nanoTime() - t1) / (double) perRound;
            }
            if (r >= 2) {
                bestWrite = Math.min(bestWrite, w);
                bestRead = Math.min(bestRead, rd);
            }
        }
        return new Row(record, format, bestWrite, bestRead, bytes);
    }

    /** A 100,000-seat show after 2,000 one-seat holds, 1,000 of them confirmed. */
    private static ShowState bigShow() {
        List<SeatDef> seats = new ArrayList<>(100_000);
        for (int r = 0; r < 1_000; r++) {
            for (int n = 1; n <= 100; n++) {
                seats.add(new SeatDef("S-" + r + "-" + n, "Stadium", "R" + r, n, r < 300 ? "GOLD" : "SILVER"));
            }
        }
        Ledger ledger = new Ledger(new MemoryStore());
        ledger.decide(new CreateShow("c-create", "onsale", "boxoffice", List.of("admin"), NOW, "On sale", null, seats,
                new Policy(600, 3600, 10, false)), NOW);
        for (int i = 0; i < 2_000; i++) {
            String actor = "buyer-" + i;
            ledger.decide(new HoldSeats("c-h" + i, "onsale", actor, List.of("user"), NOW, "h-" + i,
                    List.of("S-" + (i / 50) + "-" + (1 + i % 50 * 2)), null, null, null), NOW);
            if (i % 2 == 0) {
                ledger.decide(new ConfirmHold("c-c" + i, "onsale", actor, List.of("user"), NOW, "h-" + i, "o-" + i), NOW);
            }
        }
        return ledger.show("onsale");
    }

    // ---- the same records as Protocol Buffers

    private static HoldRecord holdProto(HoldRec h) {
        HoldRecord.Builder b = HoldRecord.newBuilder().setHoldId(h.holdId).setActor(h.actor)
                .setCreatedAt(h.createdAt.toEpochMilli()).setExpiresAt(h.expiresAt.toEpochMilli())
                .setStatus(StoreCodes.HOLD_STATUS.code(h.status));
        for (int s : h.seats) {
            b.addSeats(s);
        }
        return b.build();
    }

    private static int[] ints(List<Integer> v) {
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    static Entry entryProto(long seq, Change c) {
        Entry.Builder b = Entry.newBuilder().setSeq(seq).setAt(c.at.toEpochMilli())
                .setCause(StoreCodes.CAUSE.code(c.cause));
        byte[] to = new byte[c.moves];
        for (int i = 0; i < c.moves; i++) {
            b.addSeats(c.seats[i]);
            to[i] = (byte) StoreCodes.SEAT_STATUS.code(c.to[i]);
        }
        b.setTo(ByteString.copyFrom(to));
        if (c.opened != null) {
            b.setOpened(holdProto(c.opened));
        }
        return b.build();
    }

    static Change changeProto(ShowState show, byte[] bytes) throws InvalidProtocolBufferException {
        Entry e = Entry.parseFrom(bytes);
        Change change = new Change(StoreCodes.CAUSE.of(e.getCause()), Instant.ofEpochMilli(e.getAt()));
        ByteString to = e.getTo();
        for (int i = 0; i < e.getSeatsCount(); i++) {
            change.move(e.getSeats(i), StoreCodes.SEAT_STATUS.of(to.byteAt(i)));
        }
        if (e.hasOpened()) {
            HoldRecord h = e.getOpened();
            change.opened = new HoldRec(h.getHoldId(), h.getActor(), ints(h.getSeatsList()),
                    Instant.ofEpochMilli(h.getCreatedAt()), Instant.ofEpochMilli(h.getExpiresAt()), HoldStatus.ACTIVE);
        }
        return change;
    }

    static Processed processedProto(long fingerprint, Instant decidedAt, CommandResult r) {
        Processed.Builder b = Processed.newBuilder().setFingerprint(fingerprint).setDecidedAt(decidedAt.toEpochMilli())
                .setOutcome(StoreCodes.OUTCOME.code(r.outcome())).setCode(StoreCodes.RESULT_CODE.code(r.code()));
        if (r.message() != null) {
            b.setMessage(r.message());
        }
        if (r.seq() != null) {
            b.setSeq(r.seq());
        }
        if (r.orderId() != null) {
            b.setOrderId(r.orderId());
        }
        Hold h = r.hold();
        if (h != null) {
            b.setHold(WireHold.newBuilder().setHoldId(h.holdId()).setActor(h.actor())
                    .setCreatedAt(h.createdAt().toEpochMilli()).setExpiresAt(h.expiresAt().toEpochMilli())
                    .setStatus(StoreCodes.HOLD_STATUS.code(h.status())).addAllSeatIds(h.seatIds()));
        }
        for (SeatError e : r.seatErrors()) {
            b.addSeatErrors(SeatErrorRecord.newBuilder().setSeatId(e.seatId())
                    .setReason(StoreCodes.RESULT_CODE.code(e.reason())));
        }
        return b.build();
    }

    static Codec.Processed processedFromProto(com.seatledger.topics.message.Command c, byte[] bytes)
            throws InvalidProtocolBufferException {
        Processed p = Processed.parseFrom(bytes);
        Hold hold = null;
        if (p.hasHold()) {
            WireHold h = p.getHold();
            hold = new Hold(h.getHoldId(), h.getActor(), List.copyOf(h.getSeatIdsList()),
                    Instant.ofEpochMilli(h.getCreatedAt()), Instant.ofEpochMilli(h.getExpiresAt()),
                    StoreCodes.HOLD_STATUS.of(h.getStatus()));
        }
        List<SeatError> errors = new ArrayList<>(p.getSeatErrorsCount());
        for (SeatErrorRecord e : p.getSeatErrorsList()) {
            errors.add(new SeatError(e.getSeatId(), StoreCodes.RESULT_CODE.of(e.getReason())));
        }
        return new Codec.Processed(p.getFingerprint(), Instant.ofEpochMilli(p.getDecidedAt()),
                new CommandResult(c.commandId(), c.showId(), c.type(), StoreCodes.OUTCOME.of(p.getOutcome()),
                        StoreCodes.RESULT_CODE.of(p.getCode()), p.getMessage().isEmpty() ? null : p.getMessage(),
                        p.hasSeq() ? p.getSeq() : null, false, hold, p.getOrderId().isEmpty() ? null : p.getOrderId(),
                        errors, List.of()));
    }

    static Checkpoint checkpointProto(ShowState s) {
        Checkpoint.Builder b = Checkpoint.newBuilder().setSeq(s.seq)
                .setStatus(ByteString.copyFrom(StoreCodes.seatStatusCodes(s.status)));
        s.holds.values().forEach(h -> b.addHolds(holdProto(h)));
        for (OrderRec o : s.orders.values()) {
            OrderRecord.Builder ob = OrderRecord.newBuilder().setOrderId(o.orderId()).setCancelled(o.cancelled());
            if (o.holdId() != null) {
                ob.setHoldId(o.holdId());
            }
            if (o.actor() != null) {
                ob.setActor(o.actor()).setSoldAt(o.soldAt().toEpochMilli());
            }
            for (int seat : o.seats()) {
                ob.addSeats(seat);
            }
            b.addOrders(ob);
        }
        return b.build();
    }

    static void restoreProto(ShowState s, byte[] bytes) throws InvalidProtocolBufferException {
        Checkpoint cp = Checkpoint.parseFrom(bytes);
        byte[] status = StoreCodes.seatStatusesInMemory(cp.getStatus().toByteArray());
        List<HoldRec> holds = new ArrayList<>(cp.getHoldsCount());
        for (HoldRecord h : cp.getHoldsList()) {
            holds.add(new HoldRec(h.getHoldId(), h.getActor(), ints(h.getSeatsList()), Instant.ofEpochMilli(h.getCreatedAt()),
                    Instant.ofEpochMilli(h.getExpiresAt()), StoreCodes.HOLD_STATUS.of(h.getStatus())));
        }
        List<OrderRec> orders = new ArrayList<>(cp.getOrdersCount());
        for (OrderRecord o : cp.getOrdersList()) {
            orders.add(new OrderRec(o.getOrderId(), ints(o.getSeatsList()), o.getHoldId().isEmpty() ? null : o.getHoldId(),
                    o.getCancelled(), Places.NONE, o.getActor().isEmpty() ? null : o.getActor(),
                    o.getSoldAt() == 0 ? null : Instant.ofEpochMilli(o.getSoldAt())));
        }
        s.restore(cp.getSeq(), status, new int[s.areaIds.length][ShowState.STATUSES.length], holds, orders);
    }

    /** For the command line: one line per row. */
    public static Map<String, String> describe(List<Row> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.record() + " / " + r.format(), String.format(
                "write %,.0f ns, read %,.0f ns, %,d bytes", r.writeNanos(), r.readNanos(), r.bytes())));
        return out;
    }
}
