package com.seatledger.ledger.core;

import java.util.List;

import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.ArchiveShow;
import com.seatledger.topics.message.AssignChannel;
import com.seatledger.topics.message.ChannelDef;
import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.BlockSeats;
import com.seatledger.topics.message.CancelOrder;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ReleaseHold;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SellSeats;
import com.seatledger.topics.message.UnblockSeats;

/**
 * What "the same command" means for idempotency: a 64-bit hash of every member but
 * {@code issuedAt}, which a client's retry may stamp afresh. Written field by field (no JSON, no
 * reflection): it is computed for every command.
 */
final class Fingerprint {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprint() {
    }

    static long of(Command c) {
        Bin.Out out = new Bin.Out(128);
        out.b(StoreCodes.COMMAND_TYPE.code(c.type())).s(c.commandId()).s(c.showId()).s(c.actor());
        list(out, c.roles());
        switch (c) {
            case CreateShow s -> {
                out.s(s.name()).t(s.startsAt());
                policy(out, s.policy());
                out.u(s.seats() == null ? 0 : s.seats().size());
                for (SeatDef d : s.seats() == null ? List.<SeatDef>of() : s.seats()) {
                    out.s(d.seatId()).s(d.section()).s(d.row()).n(d.number()).s(d.category());
                    if (!d.attributes().isEmpty()) {
                        list(out.b(0xA7), d.attributes()); // a marker no seat id starts with: seats without attributes hash as before
                    }
                }
                // only when there are areas, so commands without them keep the fingerprints they always had
                for (AreaDef a : s.areaDefs()) {
                    out.s(a.areaId()).s(a.name()).s(a.category()).n(a.capacity());
                }
                for (ChannelDef ch : s.channelDefs()) {
                    out.b(0xC7).s(ch.channelId()).s(ch.name());
                    list(out, ch.seatIds());
                    places(out, ch.areas());
                }
            }
            case HoldSeats h -> {
                out.s(h.holdId()).s(h.replacesHoldId()).n(h.ttlSeconds());
                list(out, h.seatIds());
                BestAvailable b = h.bestAvailable();
                if (b != null) {
                    out.b(1).s(b.category()).n(b.quantity()).b(b.adjacent() == null ? 2 : b.adjacent() ? 1 : 0);
                    if (b.channel() != null || !b.require().isEmpty() || !b.avoid().isEmpty() || b.companions() != null) {
                        out.s(b.channel()).n(b.companions());
                        list(out, b.require());
                        list(out, b.avoid());
                    }
                }
                // the actor's channels decide a HOLD, so they are part of it; on every other command
                // they decide nothing and stay out (a retry through an api-app that copies them must
                // match the command an older one sent without them)
                if (h.channels() != null) {
                    list(out.b(0xC7), h.channels());
                }
            }
            case ExtendHold e -> out.s(e.holdId()).n(e.ttlSeconds());
            case ReleaseHold r -> out.s(r.holdId());
            case ConfirmHold k -> out.s(k.holdId()).s(k.orderId());
            case SellSeats s -> list(out, s.seatIds()).s(s.orderId());
            case CancelOrder o -> out.s(o.orderId());
            case BlockSeats b -> list(out, b.seatIds()).s(b.reason());
            case UnblockSeats u -> list(out, u.seatIds()).s(u.reason());
            case ArchiveShow a -> out.s(a.reason());
            case AssignChannel a -> list(out.s(a.channelId()).s(a.name()), a.seatIds());
        }
        places(out, c.places());
        return hash(out.toBytes());
    }

    private static void places(Bin.Out out, List<AreaQuantity> places) {
        for (AreaQuantity a : places) {
            out.s(a.areaId()).n(a.quantity());
            if (a.channel() != null) {
                out.b(0xC7).s(a.channel());
            }
        }
    }

    private static Bin.Out list(Bin.Out out, List<String> values) {
        if (values == null) {
            return out.u(0);
        }
        out.u(values.size() + 1L);
        values.forEach(out::s);
        return out;
    }

    private static void policy(Bin.Out out, Policy p) {
        if (p == null) {
            out.b(0);
            return;
        }
        out.b(1).n(p.holdTtlSeconds()).n(p.maxHoldSeconds()).n(p.maxSeatsPerHolder())
                .b(p.preventOrphanSeats() == null ? 2 : p.preventOrphanSeats() ? 1 : 0);
    }

    /** A 64-bit hash of a command's identity in the ledger: its show and its commandId. */
    static long ofId(String showId, String commandId) {
        long h = OFFSET;
        for (int i = 0; i < showId.length(); i++) {
            h = (h ^ showId.charAt(i)) * PRIME;
        }
        h = (h ^ '/') * PRIME; // never part of an id
        for (int i = 0; i < commandId.length(); i++) {
            h = (h ^ commandId.charAt(i)) * PRIME;
        }
        return avalanche(h);
    }

    /**
     * {@link #ofId} of a show id and command id stored as UTF-8 in {@code buf} (ranges as
     * {@link Bin.In#skipString} gives them), without decoding them: for ASCII, a char is its byte,
     * and ids are ASCII by their grammar. {@link #NOT_ASCII} when either is not, for the caller to decode.
     */
    static long ofId(byte[] buf, long show, long id) {
        long h = OFFSET;
        h = fold(h, buf, show);
        if (h == NOT_ASCII) {
            return NOT_ASCII;
        }
        h = (h ^ '/') * PRIME;
        h = fold(h, buf, id);
        return h == NOT_ASCII ? NOT_ASCII : avalanche(h);
    }

    static final long NOT_ASCII = Long.MIN_VALUE;

    private static long fold(long h, byte[] buf, long range) {
        int from = (int) (range >>> 32);
        int to = from + (int) range;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b < 0) {
                return NOT_ASCII;
            }
            h = (h ^ b) * PRIME;
        }
        return h;
    }

    /** FNV-1a, 64 bits, with a final avalanche so that near-identical commands land far apart. */
    static long hash(byte[] bytes) {
        long h = OFFSET;
        for (byte b : bytes) {
            h ^= b;
            h *= PRIME;
        }
        return avalanche(h);
    }

    private static long avalanche(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
