package com.seatledger.ledger.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaError;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Channel;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SeatError;

/**
 * The binary records of the ledger's store ({@link Bin}): a show's layout, a checkpoint of its
 * state, one journal entry per change, and the idempotency record of each command. Seats are
 * layout indexes, so an entry costs bytes per seat it names, not per seat of the show. Enums are
 * stored by their {@link StoreCodes}, never by position. Format 2 ({@link StoreFormat}) adds
 * sections for seat attributes and channels to format 1's records; a record that has them is
 * marked format 2, so a reader of format 1 refuses it instead of skipping them unnoticed, and a
 * record without them is written exactly as format 1 was.
 */
final class Codec {

    private static final int OPENED = 1;
    private static final int CLOSED = 2;
    private static final int EXTENDED = 4;
    private static final int ORDER_ADDED = 8;
    private static final int ORDER_CANCELLED = 16;
    private static final int PLACES = 32;
    private static final int ORDER_META = 64;
    /** Format 2: the change moves channels or places of a channel's quota. */
    private static final int CHANNELS = 128;

    private Codec() {
    }

    // ---- layout: written once, at CREATE

    static Bin.Out layout(ShowState s) {
        Bin.Out out = new Bin.Out(64 + s.seatIds.length * 12);
        out.s(s.name).t(s.startsAt);
        Policy p = s.policy;
        out.n(p.holdTtlSeconds()).n(p.maxHoldSeconds()).n(p.maxSeatsPerHolder()).bool(p.preventOrphanSeats());
        out.u(s.rowSections.length);
        for (int r = 0; r < s.rowSections.length; r++) {
            out.s(s.rowSections[r]).s(s.rowNames[r]);
        }
        out.u(s.categories.length);
        for (String c : s.categories) {
            out.s(c);
        }
        out.u(s.seatIds.length);
        for (int i = 0; i < s.seatIds.length; i++) {
            out.s(s.seatIds[i]).u(s.rowOf[i]).n(s.numbers[i]).u(s.categoryOf[i]);
        }
        out.u(s.areaIds.length);
        for (int a = 0; a < s.areaIds.length; a++) {
            out.s(s.areaIds[a]).s(s.areaNames[a]).u(s.areaCategory[a]).u(s.capacity[a]);
        }
        if (s.attributesOf != null) {
            out.needs(2).u(s.attributeSets.length - 1);
            for (int k = 1; k < s.attributeSets.length; k++) {
                out.u(s.attributeSets[k].length);
                for (String a : s.attributeSets[k]) {
                    out.s(a);
                }
            }
            for (short set : s.attributesOf) {
                out.u(set);
            }
        }
        return out;
    }

    static ShowState show(String showId, Bin.In in) {
        String name = in.s();
        Instant startsAt = in.t();
        Policy policy = new Policy(in.n(), in.n(), in.n(), in.bool());
        int rows = in.i();
        String[][] rowNames = new String[rows][];
        for (int r = 0; r < rows; r++) {
            rowNames[r] = new String[] {in.s(), in.s()};
        }
        String[] categories = new String[in.i()];
        for (int c = 0; c < categories.length; c++) {
            categories[c] = in.s();
        }
        int n = in.i();
        List<SeatDef> seats = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = in.s();
            String[] row = rowNames[in.i()];
            Integer number = in.n();
            seats.add(new SeatDef(id, row[0], row[1], number, categories[in.i()]));
        }
        List<AreaDef> areas = new ArrayList<>();
        for (int a = in.i(); a > 0; a--) {
            areas.add(new AreaDef(in.s(), in.s(), categories[in.i()], in.i()));
        }
        if (in.version >= 2 && in.more()) {
            List<List<String>> sets = new ArrayList<>();
            sets.add(List.of());
            for (int k = in.i(); k > 0; k--) {
                String[] set = new String[in.i()];
                for (int i = 0; i < set.length; i++) {
                    set[i] = in.s();
                }
                sets.add(List.of(set));
            }
            for (int i = 0; i < n; i++) {
                SeatDef d = seats.get(i);
                seats.set(i, new SeatDef(d.seatId(), d.section(), d.row(), d.number(), d.category(), sets.get(in.i())));
            }
        }
        return new ShowState(showId, name, startsAt, policy, seats, areas);
    }

    // ---- checkpoint: the show's whole state at its seq

    static Bin.Out checkpoint(ShowState s) {
        Bin.Out out = new Bin.Out(s.status.length + s.holds.size() * 48 + s.orders.size() * 32 + 16);
        out.u(s.seq).bytes(StoreCodes.seatStatusCodes(s.status));
        out.u(s.holds.size());
        for (HoldRec h : s.holds.values()) {
            out.s(h.holdId).s(h.actor).t(h.createdAt).t(h.expiresAt).b(StoreCodes.HOLD_STATUS.code(h.status)).ints(h.seats);
        }
        out.u(s.orders.size());
        for (OrderRec o : s.orders.values()) {
            out.s(o.orderId()).s(o.holdId()).bool(o.cancelled()).ints(o.seats());
        }
        for (int[] k : s.areaCounts) {
            for (int v : k) {
                out.u(v);
            }
        }
        s.holds.values().forEach(h -> h.places.write(out));
        s.orders.values().forEach(o -> o.places().write(out));
        s.orders.values().forEach(o -> out.s(o.actor()).t(o.soldAt()));
        if (s.channels.any()) {
            channels(s, out.needs(2));
        }
        return out;
    }

    /** Format 2's section of a checkpoint: the channels, the seats of each, quotas, and the channels of places. */
    private static void channels(ShowState s, Bin.Out out) {
        out.u(s.channels.count() - 1);
        for (int c = 1; c < s.channels.count(); c++) {
            out.s(s.channels.id(c)).s(s.channels.name(c));
        }
        int owned = 0;
        for (short c : s.channels.seatChannel) {
            owned += c == 0 ? 0 : 1;
        }
        out.u(owned);
        for (int i = 0; i < s.channels.seatChannel.length; i++) {
            if (s.channels.of(i) != 0) {
                out.u(i).u(s.channels.of(i));
            }
        }
        for (int[][] q : s.channels.quota) {
            out.u(q == null ? 0 : q.length);
            for (int c = 1; q != null && c < q.length; c++) {
                for (int v : q[c]) {
                    out.u(v);
                }
            }
        }
        s.holds.values().forEach(h -> h.places.writeChannels(out));
        s.orders.values().forEach(o -> o.places().writeChannels(out));
    }

    static void restore(ShowState s, Bin.In in) {
        long seq = in.u();
        byte[] status = StoreCodes.seatStatusesInMemory(in.bytes());
        int holdCount = in.i();
        List<HoldRec> holds = new ArrayList<>(holdCount);
        for (int i = 0; i < holdCount; i++) {
            String id = in.s();
            String actor = in.s();
            Instant created = in.t();
            Instant expires = in.t();
            HoldStatus st = StoreCodes.HOLD_STATUS.of(in.b());
            holds.add(new HoldRec(id, actor, in.ints(), created, expires, st));
        }
        int orderCount = in.i();
        List<OrderRec> orders = new ArrayList<>(orderCount);
        for (int i = 0; i < orderCount; i++) {
            String id = in.s();
            String holdId = in.s();
            boolean cancelled = in.bool();
            orders.add(new OrderRec(id, in.ints(), holdId, cancelled));
        }
        int[][] places = new int[s.areaIds.length][ShowState.STATUSES.length];
        for (int[] k : places) {
            for (int st = 0; st < k.length; st++) {
                k[st] = in.i();
            }
        }
        holds.forEach(h -> h.places = Places.read(in));
        for (int i = 0; i < orders.size(); i++) {
            orders.set(i, orders.get(i).with(Places.read(in)));
        }
        for (int i = 0; i < orders.size(); i++) {
            orders.set(i, orders.get(i).soldBy(in.s(), in.t()));
        }
        if (in.version < 2 || !in.more()) {
            s.restore(seq, status, places, holds, orders);
            return;
        }
        List<Channel> channels = new ArrayList<>();
        for (int c = in.i(); c > 0; c--) {
            channels.add(new Channel(in.s(), in.s()));
        }
        short[] seatChannels = new short[s.seatIds.length];
        for (int k = in.i(); k > 0; k--) {
            seatChannels[in.i()] = (short) in.i();
        }
        int[][][] quotas = new int[s.areaIds.length][][];
        for (int a = 0; a < quotas.length; a++) {
            int n = in.i();
            if (n > 0) {
                quotas[a] = new int[n][ShowState.STATUSES.length];
                for (int c = 1; c < n; c++) {
                    for (int st = 0; st < ShowState.STATUSES.length; st++) {
                        quotas[a][c][st] = in.i();
                    }
                }
            }
        }
        holds.forEach(h -> h.places = h.places.readChannels(in));
        for (int i = 0; i < orders.size(); i++) {
            orders.set(i, orders.get(i).with(orders.get(i).places().readChannels(in)));
        }
        s.restore(seq, status, places, holds, orders, channels, seatChannels, quotas);
    }

    // ---- journal entry: one change

    static Bin.Out entry(long seq, Change c) {
        Bin.Out out = new Bin.Out(32 + c.moves * 4);
        out.u(seq).t(c.at).b(StoreCodes.CAUSE.code(c.cause)).u(c.moves);
        for (int i = 0; i < c.moves; i++) {
            out.u(c.seats[i]).b(StoreCodes.SEAT_STATUS.code(c.to[i]));
        }
        int flags = (c.opened != null ? OPENED : 0) | (c.closed != null ? CLOSED : 0)
                | (c.extended != null ? EXTENDED : 0) | (c.orderAdded != null ? ORDER_ADDED : 0)
                | (c.orderCancelled != null ? ORDER_CANCELLED : 0)
                | (c.areaMoves > 0 || c.opened != null && !c.opened.places.isEmpty()
                        || c.orderAdded != null && !c.orderAdded.places().isEmpty() ? PLACES : 0)
                | (c.orderAdded != null && c.orderAdded.actor() != null ? ORDER_META : 0)
                | (c.touchesChannels() ? CHANNELS : 0);
        out.b(flags);
        if (c.opened != null) {
            HoldRec h = c.opened;
            out.s(h.holdId).s(h.actor).t(h.createdAt).t(h.expiresAt).ints(h.seats);
        }
        if (c.closed != null) {
            out.s(c.closed.holdId).b(StoreCodes.HOLD_STATUS.code(c.closedAs));
        }
        if (c.extended != null) {
            out.s(c.extended.holdId).t(c.extendedTo);
        }
        if (c.orderAdded != null) {
            out.s(c.orderAdded.orderId()).s(c.orderAdded.holdId()).ints(c.orderAdded.seats());
        }
        if (c.orderCancelled != null) {
            out.s(c.orderCancelled);
        }
        if ((flags & PLACES) != 0) {
            out.u(c.areaMoves);
            for (int i = 0; i < c.areaMoves; i++) {
                out.u(c.areaOf[i]).u(c.quantityOf[i]).b(StoreCodes.SEAT_STATUS.code(c.areaFrom[i]))
                        .b(StoreCodes.SEAT_STATUS.code(c.areaTo[i]));
            }
            (c.opened == null ? Places.NONE : c.opened.places).write(out);
            (c.orderAdded == null ? Places.NONE : c.orderAdded.places()).write(out);
        }
        if ((flags & ORDER_META) != 0) {
            out.s(c.orderAdded.actor()).t(c.orderAdded.soldAt());
        }
        if ((flags & CHANNELS) != 0) {
            out.needs(2);
            for (int i = 0; i < c.areaMoves; i++) {
                out.u(c.areaChannel[i]);
            }
            if (c.opened != null) {
                c.opened.places.writeChannels(out);
            }
            if (c.orderAdded != null) {
                c.orderAdded.places().writeChannels(out);
            }
            out.u(c.assignTo + 1L);
            if (c.assignTo >= 0) {
                out.s(c.assignId).s(c.assignName).u(c.assignedCount);
                for (int i = 0; i < c.assignedCount; i++) {
                    out.u(c.assigned[i]);
                }
                out.u(c.quotaMoves);
                for (int i = 0; i < c.quotaMoves; i++) {
                    out.u(c.quotaArea[i]).u(c.quotaFrom[i]).u(c.quotaQuantity[i]);
                }
            }
        }
        return out;
    }

    static long entrySeq(byte[] entry) {
        return new Bin.In(entry).u();
    }

    /** The change an entry records, against the show it was written for (its holds are looked up). */
    static Change change(ShowState show, Bin.In in) {
        in.u();
        Instant at = in.t();
        Change change = new Change(StoreCodes.CAUSE.of(in.b()), at);
        int moves = in.i();
        for (int i = 0; i < moves; i++) {
            change.move(in.i(), StoreCodes.SEAT_STATUS.of(in.b()));
        }
        int flags = in.b();
        if ((flags & OPENED) != 0) {
            String id = in.s();
            String actor = in.s();
            Instant created = in.t();
            Instant expires = in.t();
            change.opened = new HoldRec(id, actor, in.ints(), created, expires, HoldStatus.ACTIVE);
        }
        if ((flags & CLOSED) != 0) {
            change.closed = show.holds.get(in.s());
            change.closedAs = StoreCodes.HOLD_STATUS.of(in.b());
        }
        if ((flags & EXTENDED) != 0) {
            change.extended = show.holds.get(in.s());
            change.extendedTo = in.t();
        }
        if ((flags & ORDER_ADDED) != 0) {
            String id = in.s();
            String holdId = in.s();
            change.orderAdded = new OrderRec(id, in.ints(), holdId, false);
        }
        if ((flags & ORDER_CANCELLED) != 0) {
            change.orderCancelled = in.s();
        }
        if ((flags & PLACES) != 0) {
            for (int i = in.i(); i > 0; i--) {
                change.movePlaces(in.i(), 0, in.i(), StoreCodes.SEAT_STATUS.of(in.b()), StoreCodes.SEAT_STATUS.of(in.b())); // channels: format 2 section
            }
            Places held = Places.read(in);
            Places sold = Places.read(in);
            if (change.opened != null) {
                change.opened.places = held;
            }
            if (change.orderAdded != null) {
                change.orderAdded = change.orderAdded.with(sold);
            }
        }
        if ((flags & ORDER_META) != 0) {
            change.orderAdded = change.orderAdded.soldBy(in.s(), in.t());
        }
        if ((flags & CHANNELS) != 0) {
            if (in.version < 2) {
                throw new UnknownStoreFormat("a format-1 journal entry of show " + show.showId + " has format 2's channels");
            }
            for (int i = 0; i < change.areaMoves; i++) {
                change.areaChannel[i] = in.i();
            }
            if (change.opened != null) {
                change.opened.places = change.opened.places.readChannels(in);
            }
            if (change.orderAdded != null) {
                change.orderAdded = change.orderAdded.with(change.orderAdded.places().readChannels(in));
            }
            int to = in.i() - 1;
            if (to >= 0) {
                change.assign(to, in.s(), in.s());
                for (int i = in.i(); i > 0; i--) {
                    change.assignSeat(in.i());
                }
                for (int i = in.i(); i > 0; i--) {
                    change.assignPlaces(in.i(), in.i(), in.i());
                }
            }
        }
        return change;
    }

    // ---- idempotency record: fingerprint, decision time and the result (its ids come from the key)

    record Processed(long fingerprint, Instant decidedAt, CommandResult result) {
    }

    /** Bit 0 of the byte after orderId: a hold follows; bit 1 (format 2): its areas name channels. */
    private static final int HOLD = 1;
    private static final int HOLD_CHANNELS = 2;

    static Bin.Out processed(long fingerprint, Instant decidedAt, CommandResult r) {
        Bin.Out out = new Bin.Out(64);
        out.u(fingerprint).t(decidedAt).b(StoreCodes.OUTCOME.code(r.outcome())).b(StoreCodes.RESULT_CODE.code(r.code()))
                .s(r.message())
                .u(r.seq() == null ? 0 : r.seq() + 1).s(r.orderId());
        Hold h = r.hold();
        boolean channels = h != null && h.areas().stream().anyMatch(a -> a.channel() != null);
        out.b((h != null ? HOLD : 0) | (channels ? HOLD_CHANNELS : 0));
        if (h != null) {
            out.s(h.holdId()).s(h.actor()).t(h.createdAt()).t(h.expiresAt()).b(StoreCodes.HOLD_STATUS.code(h.status()));
            out.u(h.seatIds().size());
            h.seatIds().forEach(out::s);
        }
        out.u(r.seatErrors().size());
        for (SeatError e : r.seatErrors()) {
            out.s(e.seatId()).b(StoreCodes.RESULT_CODE.code(e.reason()));
        }
        List<AreaQuantity> held = h == null ? List.of() : h.areas();
        out.u(held.size());
        held.forEach(a -> out.s(a.areaId()).u(a.quantity()));
        out.u(r.areaErrors().size());
        r.areaErrors().forEach(e -> out.s(e.areaId()).b(StoreCodes.RESULT_CODE.code(e.reason())).u(e.requested())
                .u(e.available()));
        if (channels) {
            out.needs(2);
            held.forEach(a -> out.s(a.channel()));
        }
        return out;
    }

    static Processed processed(Command c, Bin.In in) {
        long fingerprint = in.u();
        Instant decidedAt = in.t();
        Outcome outcome = StoreCodes.OUTCOME.of(in.b());
        ResultCode code = StoreCodes.RESULT_CODE.of(in.b());
        String message = in.s();
        long seq = in.u();
        String orderId = in.s();
        Hold hold = null;
        int holdFlags = in.b();
        if ((holdFlags & HOLD) != 0) {
            String id = in.s();
            String actor = in.s();
            Instant created = in.t();
            Instant expires = in.t();
            HoldStatus status = StoreCodes.HOLD_STATUS.of(in.b());
            int n = in.i();
            List<String> seats = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                seats.add(in.s());
            }
            hold = new Hold(id, actor, seats, created, expires, status);
        }
        int n = in.i();
        List<SeatError> errors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            errors.add(new SeatError(in.s(), StoreCodes.RESULT_CODE.of(in.b())));
        }
        List<AreaQuantity> held = new ArrayList<>();
        for (int i = in.i(); i > 0; i--) {
            held.add(new AreaQuantity(in.s(), in.i()));
        }
        if (hold != null && !held.isEmpty()) {
            hold = new Hold(hold.holdId(), hold.actor(), hold.seatIds(), hold.createdAt(), hold.expiresAt(),
                    hold.status(), held);
        }
        List<AreaError> areaErrors = new ArrayList<>();
        for (int i = in.i(); i > 0; i--) {
            areaErrors.add(new AreaError(in.s(), StoreCodes.RESULT_CODE.of(in.b()), in.i(), in.i()));
        }
        if ((holdFlags & HOLD_CHANNELS) != 0) {
            if (in.version < 2) {
                throw new UnknownStoreFormat("a format-1 idempotency record of " + c.commandId() + " has format 2's channels");
            }
            for (int i = 0; i < held.size(); i++) {
                held.set(i, new AreaQuantity(held.get(i).areaId(), held.get(i).quantity(), in.s()));
            }
            hold = new Hold(hold.holdId(), hold.actor(), hold.seatIds(), hold.createdAt(), hold.expiresAt(),
                    hold.status(), held);
        }
        return new Processed(fingerprint, decidedAt, new CommandResult(c.commandId(), c.showId(), c.type(), outcome,
                code, message, seq == 0 ? null : seq - 1, false, hold, orderId, errors, areaErrors));
    }
}
