package com.seatledger.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.ArchiveShow;
import com.seatledger.topics.message.AssignChannel;
import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.BlockSeats;
import com.seatledger.topics.message.CancelOrder;
import com.seatledger.topics.message.ChannelDef;
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

class FingerprintTest {

    private static final Instant T = Instant.parse("2026-12-04T20:00:00Z");
    private static final List<String> ROLES = List.of("admin");
    private static final List<AreaQuantity> PLACES = List.of(new AreaQuantity("FLOOR", 2));
    private static final List<String> CHANNELS = List.of("fanclub");

    /** One command of every type with every member given. */
    static List<Command> everyType() {
        return List.of(
                new CreateShow("c-1", "s1", "boxoffice", ROLES, T, "Tour", T.plusSeconds(86_400),
                        List.of(new SeatDef("A-1", "STALLS", "A", 1, "STALLS")), new Policy(600, 3600, 10, true),
                        List.of(new AreaDef("FLOOR", "Standing floor", "GA", 500))),
                new HoldSeats("c-2", "s1", "alice", ROLES, T, "h-1", List.of("A-1"), new BestAvailable("STALLS", 2, true),
                        300, "h-0", PLACES, CHANNELS),
                new ExtendHold("c-3", "s1", "alice", ROLES, T, "h-1", 300, CHANNELS),
                new ReleaseHold("c-4", "s1", "alice", ROLES, T, "h-1", CHANNELS),
                new ConfirmHold("c-5", "s1", "alice", ROLES, T, "h-1", "o-1", CHANNELS),
                new SellSeats("c-6", "s1", "boxoffice", ROLES, T, List.of("A-1"), "o-2", PLACES, CHANNELS),
                new CancelOrder("c-7", "s1", "boxoffice", ROLES, T, "o-2", CHANNELS),
                new BlockSeats("c-8", "s1", "boxoffice", ROLES, T, List.of("A-1"), "camera", PLACES, CHANNELS),
                new UnblockSeats("c-9", "s1", "boxoffice", ROLES, T, List.of("A-1"), "camera gone", PLACES, CHANNELS),
                new ArchiveShow("c-10", "s1", "boxoffice", ROLES, T, "the tour is over", CHANNELS),
                new AssignChannel("c-11", "s1", "boxoffice", ROLES, T, "partner", "Sponsor", List.of("A-1"), PLACES,
                        CHANNELS));
    }

    /**
     * Commands that reach every branch of the fingerprint: seat attributes, channels, area quotas,
     * best available with all its members, nulls, negative numbers, text beyond ASCII.
     */
    static List<Command> everyBranch() {
        List<Command> all = new ArrayList<>(everyType());
        all.add(new CreateShow("c-20", "s2", "boxoffice", ROLES, T, "Café del Mar ☀", null,
                List.of(new SeatDef("W-1", "Parterre", "R1", 1, "STALLS", List.of("WHEELCHAIR", "AISLE")),
                        new SeatDef("W-2", "Parterre", "R1", -2, "STALLS")),
                null, List.of(new AreaDef("LAWN", "Lawn", "GA", 100_000)),
                List.of(new ChannelDef("fanclub", "Fan club", List.of("W-2"),
                        List.of(new AreaQuantity("LAWN", 50))))));
        all.add(new HoldSeats("c-21", "s2", "ålice", null, T, "h-2", null,
                new BestAvailable("STALLS", 2, null, "fanclub", List.of("WHEELCHAIR"), List.of("RESTRICTED_VIEW"), 1),
                null, null, List.of(new AreaQuantity("LAWN", 3, "fanclub")), null));
        all.add(new HoldSeats("c-22", "s2", "bob", ROLES, T, "h-3", null, new BestAvailable("STALLS", 4, false),
                Integer.MIN_VALUE, null, List.of(), List.of()));
        all.add(new AssignChannel("c-23", "s2", "boxoffice", ROLES, T, null, null, List.of("W-1"), List.of(), null));
        return all;
    }

    /**
     * Fingerprints are stored with every idempotency record, and a retry after an upgrade is compared
     * with the stored one: the value of every command must never change (these are the values
     * every release so far computed; the golden store files hold more).
     */
    @Test
    void fingerprintsNeverChange() {
        long[] pinned = { 0x5b5da9c275f24639L, 0x262a0fbfc8efe379L, 0x19b033d2044824eaL, 0x4d47ec9f39996490L,
                0xc64f7ad25a71fda2L, 0xc2eeb287c2fc9d96L, 0x528052c5d3716c80L, 0x83fd02684abac22fL, 0x234f34ca0b4920b5L,
                0xd25245becccb3bf6L, 0xd37fddb80aa1a8c6L, 0xd1ef651aa264fc9fL, 0x676d2752ec4d2f80L, 0x71123d58016c7875L,
                0x82d90fe6c484130eL };
        List<Command> commands = everyBranch();
        assertThat(commands).hasSize(pinned.length);
        for (int i = 0; i < pinned.length; i++) {
            assertThat(Fingerprint.of(commands.get(i))).as("%s", commands.get(i)).isEqualTo(pinned[i]);
        }
    }

    /**
     * "The same command" must mean every member but {@code issuedAt} (and the actor's {@code channels}
     * where they decide nothing, see below): a retry with any other member changed (down to one
     * seat's number inside a CREATE_SHOW's layout) is another command, which the ledger answers
     * "commandId reused with different content".
     */
    @Test
    void everyMemberButIssuedAtReachesTheFingerprint() throws Exception {
        for (Command c : everyType()) {
            long original = Fingerprint.of(c);
            for (Object variant : variants(c)) {
                Command changed = (Command) variant;
                boolean channelsOnly = !changed.buyerChannels().equals(c.buyerChannels());
                if (!changed.issuedAt().equals(c.issuedAt())) {
                    assertThat(Fingerprint.of(changed)).as("a retry may stamp issuedAt afresh").isEqualTo(original);
                } else if (channelsOnly && !(c instanceof HoldSeats)) {
                    // only a HOLD is decided by them; and a retry through a newer api-app, which copies
                    // them into every command, must still be the command an older one sent without them
                    assertThat(Fingerprint.of(changed)).as("%s: the actor's channels decide nothing", c.type())
                            .isEqualTo(original);
                } else {
                    assertThat(Fingerprint.of(changed)).as("%s vs %s", changed, c).isNotEqualTo(original);
                }
            }
        }
    }

    /** Copies of {@code value}, each with exactly one leaf member changed. */
    private static List<Object> variants(Object value) throws Exception {
        List<Object> out = new ArrayList<>();
        switch (value) {
            case null -> {
            }
            case String s -> out.add(s + "x");
            case Integer i -> out.add(i + 1);
            case Boolean b -> out.add(!b);
            case Instant t -> out.add(t.plusSeconds(1));
            case List<?> l -> {
                if (!l.isEmpty()) {
                    for (Object v : variants(l.getFirst())) {
                        List<Object> copy = new ArrayList<>(l);
                        copy.set(0, v);
                        out.add(copy);
                    }
                    List<Object> longer = new ArrayList<>(l);
                    longer.add(l.getFirst());
                    out.add(longer);
                }
            }
            case Record r -> {
                RecordComponent[] components = r.getClass().getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                Object[] args = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    args[i] = components[i].getAccessor().invoke(r);
                }
                var canonical = r.getClass().getDeclaredConstructor(types);
                for (int i = 0; i < components.length; i++) {
                    for (Object v : variants(args[i])) {
                        Object[] changed = args.clone();
                        changed[i] = v;
                        out.add(canonical.newInstance(changed));
                    }
                }
            }
            default -> throw new IllegalArgumentException("no variants of " + value.getClass());
        }
        return out;
    }

    /** The idempotency index is rebuilt from stored bytes at a restart and looked up by decoded ids. */
    @Test
    void anIdHashedWhereItLiesEqualsTheHashOfTheDecodedIds() {
        String[][] ids = { { "s1", "c-7f3a" }, { "tour.2027:night-1", "alice:Idem_Key.42" }, { "x", "" } };
        for (String[] pair : ids) {
            Bin.In in = new Bin.In(new Bin.Out(64).s(pair[0]).s(pair[1]).toBytes());
            long show = in.skipString();
            long id = in.skipString();
            assertThat(in.more()).isFalse();
            assertThat(Fingerprint.ofId(in.array(), show, id)).as(pair[0] + "/" + pair[1])
                    .isEqualTo(Fingerprint.ofId(pair[0], pair[1]));
        }
    }

    @Test
    void aNonAsciiIdIsLeftToTheCallerToDecode() {
        Bin.In in = new Bin.In(new Bin.Out(64).s("s1").s("café").toBytes());
        assertThat(Fingerprint.ofId(in.array(), in.skipString(), in.skipString())).isEqualTo(Fingerprint.NOT_ASCII);
    }
}
