package com.seatledger.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.message.*;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model-based test: random sequences of every command type, duplicates and clock advances run
 * against the ledger and {@link ReferenceModel}; every result and event must match, and the
 * ledger's own state must stay consistent after every step, and a fresh ledger over the same store
 * (a restart: checkpoint + journal replay) must hold exactly the same state.
 */
class LedgerModelProperties {

    static final String SHOW = "prop";
    static final String[] SEATS = {"A-1", "A-2", "A-3", "A-4", "A-5", "B-1", "B-2", "B-3", "B-5", "B-6", "Z-9"};

    /** One random step; which fields matter depends on {@code kind}. */
    record Step(int kind, String actor, String holdId, String other, List<String> seats, int n, boolean flag,
            Integer ttl) {
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        return step().list().ofMinSize(5).ofMaxSize(60);
    }

    Arbitrary<Step> step() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 17),
                Arbitraries.of("alice", "bob", Cmd.BOX_OFFICE),
                Arbitraries.of("h1", "h2", "h3", "h4", "h5"),
                Arbitraries.of("h1", "h2", "h3", "o1", "o2", "o3"),
                Arbitraries.of(SEATS).list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(true, false),
                Arbitraries.of(5, 20, 45, 90).injectNull(0.3))
                .as(Step::new);
    }

    /**
     * Rows A 1-5 (category X) and B 1,2,3,5,6 with a gap after 3 (X, X, Y, Y, Y); A-1 a wheelchair
     * space with its companion on the aisle, A-3 (the centre of row A), B-5 and B-6 with a
     * restricted view.
     */
    static List<SeatDef> layout() {
        List<SeatDef> seats = new ArrayList<>();
        String[][] a = {{"WHEELCHAIR"}, {"COMPANION"}, {"RESTRICTED_VIEW"}, {}, {"AISLE"}};
        for (int n = 1; n <= 5; n++) {
            seats.add(new SeatDef("A-" + n, "MAIN", "A", n, "X", List.of(a[n - 1])));
        }
        for (int n : new int[] {1, 2, 3, 5, 6}) {
            seats.add(new SeatDef("B-" + n, "MAIN", "B", n, n <= 2 ? "X" : "Y",
                    n >= 5 ? List.of("RESTRICTED_VIEW") : List.of()));
        }
        return seats;
    }

    /** The fan club's channel owns B-1 and B-2 at first; alice may buy from it, bob may not. */
    static List<ChannelDef> channels() {
        return List.of(new ChannelDef("fan", "Fan club", List.of("B-1", "B-2"), List.of()));
    }

    private static List<String> channelsOf(String actor) {
        return actor.equals("alice") ? List.of("fan") : null;
    }

    @Property(tries = 300)
    void ledgerAgreesWithTheModel(@ForAll("scenarios") List<Step> steps,
            @ForAll boolean preventOrphans, @ForAll boolean heldBack) {
        // heldBack: as in Kafka Streams, open pages and batches are put only when the task commits
        MemoryStore memory = new MemoryStore();
        PendingPuts pending = new PendingPuts(memory);
        LedgerStore store = heldBack ? pending : memory;
        Ledger ledger = new Ledger(store);
        ReferenceModel model = new ReferenceModel(SHOW);
        Cmd cmd = new Cmd();
        List<Command> sent = new ArrayList<>();
        Map<String, Long> lastSeq = new HashMap<>();
        Instant now = Cmd.T0;

        Command create = cmd.createWithChannels(SHOW, new Policy(20, 60, 4, preventOrphans), layout(), List.of(),
                channels());
        compare(ledger.decide(create, now), model.decide(create, now), lastSeq);
        sent.add(create);

        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (i % 5 == 4) {
                ledger.journal().checkpoint(ledger.show(SHOW));
            }
            if (i % 3 == 2) {
                pending.writePending(); // a commit
            }
            if (i % 7 == 6) {
                // a restart after a commit: a fresh ledger over what the store holds must have exactly the same state
                String before = describe(ledger.show(SHOW));
                pending.writePending();
                pending = new PendingPuts(memory);
                store = heldBack ? pending : memory;
                ledger = new Ledger(store);
                assertThat(describe(ledger.show(SHOW))).as("state loaded from checkpoint + journal").isEqualTo(before);
            }
            if (s.kind() == 11) {
                now = now.plusSeconds(s.n() * 10L - (s.flag() ? 1 : 0));
                List<ShowEvent> expired = ledger.expireDue(now);
                assertThat(expired).isEqualTo(model.expire(now));
                expired.forEach(e -> checkSeq(e, lastSeq));
            } else {
                Command c = command(s, cmd, sent);
                sent.add(c);
                compare(ledger.decide(c, now), model.decide(c, now), lastSeq);
            }
            checkInvariants(ledger.show(SHOW), model);
        }
    }

    private static Command command(Step s, Cmd cmd, List<Command> sent) {
        String[] seats = s.seats().toArray(String[]::new);
        String order = s.other().startsWith("o") ? s.other() : "o" + s.n();
        switch (s.kind()) {
            case 0:
            case 1:
                return new HoldSeats(cmd.id(), SHOW, s.actor(), roles(s.actor()), Cmd.T0, s.holdId() + "-" + cmd.id(),
                        s.seats(), null, s.ttl(), null, null, channelsOf(s.actor()));
            case 2:
                return new HoldSeats(cmd.id(), SHOW, s.actor(), roles(s.actor()), Cmd.T0, s.holdId() + "-" + cmd.id(),
                        s.seats(), null, s.ttl(), lastHoldId(sent, s), null, channelsOf(s.actor()));
            case 3:
                return new HoldSeats(cmd.id(), SHOW, s.actor(), roles(s.actor()), Cmd.T0, s.holdId() + "-" + cmd.id(),
                        null, new BestAvailable(s.flag() ? "X" : "Y", s.n(), s.ttl() == null || s.ttl() > 20),
                        null, s.kind() == 3 && s.n() == 2 ? lastHoldId(sent, s) : null, null, channelsOf(s.actor()));
            case 15:
                // best available in the fan club's channel, or with attributes asked for or avoided
                BestAvailable want = switch (s.n()) {
                    case 1 -> new BestAvailable("X", 1, true, null, List.of("WHEELCHAIR"), List.of(), s.flag() ? 1 : null);
                    case 2 -> new BestAvailable(s.flag() ? "X" : "Y", 2, true, "fan", List.of(), List.of(), null);
                    default -> new BestAvailable("Y", s.flag() ? 1 : 2, s.ttl() == null, null, List.of(),
                            s.flag() ? List.of("RESTRICTED_VIEW") : List.of(), null);
                };
                return new HoldSeats(cmd.id(), SHOW, s.actor(), roles(s.actor()), Cmd.T0, s.holdId() + "-" + cmd.id(),
                        null, want, s.ttl(), null, null, channelsOf(s.actor()));
            case 16:
            case 17:
                // the box office (or a buyer, refused) moves seats into a channel or back to the pool
                return new AssignChannel(cmd.id(), SHOW, s.actor(), roles(s.actor()), Cmd.T0,
                        s.kind() == 17 ? null : s.flag() ? "fan" : "vip", s.n() == 3 ? "VIP lounge" : null, s.seats(),
                        null);
            case 4:
                return cmd.extend(s.actor(), SHOW, lastHoldId(sent, s), s.ttl());
            case 5:
                return cmd.release(s.actor(), SHOW, lastHoldId(sent, s));
            case 6:
                return cmd.confirm(s.actor(), SHOW, lastHoldId(sent, s), order);
            case 7:
                return cmd.sell(s.actor(), SHOW, order, seats);
            case 8:
                return cmd.cancel(s.actor(), SHOW, order);
            case 9:
                return cmd.block(s.actor(), SHOW, seats);
            case 10:
                return cmd.unblock(s.actor(), SHOW, seats);
            case 12:
            case 13:
                return sent.get(s.n() * 7 % sent.size());
            default:
                Command old = sent.get(s.n() * 5 % sent.size());
                return new ReleaseHold(old.commandId(), SHOW, s.actor(), roles(s.actor()), Cmd.T0, "changed");
        }
    }

    /** A recent holdId, so that extends, releases and confirms mostly hit real holds. */
    private static String lastHoldId(List<Command> sent, Step s) {
        List<String> ids = sent.stream().filter(c -> c instanceof HoldSeats).map(c -> ((HoldSeats) c).holdId())
                .toList();
        return ids.isEmpty() ? s.holdId() : ids.get(Math.max(0, ids.size() - 1 - s.n() % 3));
    }

    private static List<String> roles(String actor) {
        return actor.equals(Cmd.BOX_OFFICE) ? Cmd.ADMIN : Cmd.USER;
    }

    private static void compare(Decision actual, ReferenceModel.Outcome expected, Map<String, Long> lastSeq) {
        assertThat(normalise(actual.result())).isEqualTo(normalise(expected.result()));
        assertThat(actual.events()).isEqualTo(expected.events());
        actual.events().forEach(e -> checkSeq(e, lastSeq));
    }

    /** Messages are prose and orphan lists have no defined order; everything else must match exactly. */
    private static CommandResult normalise(CommandResult r) {
        List<SeatError> errors = r.seatErrors().stream().sorted(Comparator.comparing(SeatError::seatId)).toList();
        return new CommandResult(r.commandId(), r.showId(), r.type(), r.outcome(), r.code(), null, r.seq(),
                r.duplicate(), r.hold(), r.orderId(), errors);
    }

    private static void checkSeq(ShowEvent e, Map<String, Long> lastSeq) {
        long expected = lastSeq.getOrDefault(e.showId(), 0L) + 1;
        assertThat(e.seq()).as("seq of show %s is gapless", e.showId()).isEqualTo(expected);
        lastSeq.put(e.showId(), e.seq());
    }

    /** Each HELD seat is owned by exactly one active hold; counts match seat states. */
    private static void checkInvariants(ShowState show, ReferenceModel model) {
        Map<String, Availability> counted = new java.util.TreeMap<>();
        int held = 0;
        for (SeatDef def : layout()) {
            int seat = show.seat(def.seatId());
            SeatStatus status = show.statusOf(seat);
            counted.merge(def.category(), Availability.EMPTY.move(null, status), (a, one) -> a.move(null, status));
            if (status == SeatStatus.HELD) {
                held++;
                HoldRec owner = show.holdOf[seat];
                assertThat(owner.active()).isTrue();
                assertThat(owner.seats).contains(seat);
                long owners = model.holds.values().stream().filter(h -> h.status() == HoldStatus.ACTIVE
                        && h.seatIds().contains(def.seatId())).count();
                assertThat(owners).as("active holds owning %s", def.seatId()).isEqualTo(1);
            } else {
                assertThat(show.holdOf[seat]).isNull();
            }
            assertThat(status == SeatStatus.SOLD).isEqualTo(show.orderOf[seat] != null);
            assertThat(show.channels.id(show.channels.of(seat))).as("channel of %s", def.seatId())
                    .isEqualTo(model.channelOf.get(def.seatId()));
        }
        assertThat(show.availability()).isEqualTo(counted);
        int heldByActors = Arrays.stream(new String[] {"alice", "bob", Cmd.BOX_OFFICE}).mapToInt(show::heldBy).sum();
        assertThat(heldByActors).isEqualTo(held);
    }

    /** Everything a show's state holds, in a stable order, to compare a loaded show with the live one. */
    static String describe(ShowState show) {
        StringBuilder b = new StringBuilder("seq=" + show.seq + " active=" + new java.util.TreeSet<>(show.active.keySet()) + "\n");
        for (int i = 0; i < show.seatIds.length; i++) {
            b.append(show.seatIds[i]).append(':').append(show.statusOf(i))
                    .append(':').append(show.holdOf[i] == null ? "-" : show.holdOf[i].holdId)
                    .append(':').append(show.orderOf[i] == null ? "-" : show.orderOf[i].orderId()).append(' ');
        }
        show.holds.values().stream().sorted(Comparator.comparing(h -> h.holdId)).forEach(h -> b.append("\nhold ")
                .append(h.holdId).append(' ').append(h.actor).append(' ').append(h.status).append(' ')
                .append(h.createdAt).append(' ').append(h.expiresAt).append(' ').append(Arrays.toString(h.seats))
                .append(' ').append(Arrays.toString(h.places.areas())).append(Arrays.toString(h.places.quantities())));
        show.orders.values().stream().sorted(Comparator.comparing(OrderRec::orderId)).forEach(o -> b.append("\norder ")
                .append(o.orderId()).append(' ').append(o.holdId()).append(' ').append(o.cancelled()).append(' ')
                .append(Arrays.toString(o.seats())).append(' ').append(o.actor()).append(' ').append(o.soldAt())
                .append(' ').append(Arrays.toString(o.places().areas()))
                .append(Arrays.toString(o.places().quantities())));
        b.append("\nheld ").append(new java.util.TreeMap<>(show.heldBy)).append("\n").append(show.availability());
        b.append("\nchannels ").append(show.channels.list()).append(' ').append(show.channels.quotas());
        for (int i = 0; i < show.seatIds.length; i++) {
            b.append(' ').append(show.channels.of(i));
        }
        for (int[] k : show.areaCounts) {
            b.append("\narea ").append(Arrays.toString(k));
        }
        return b.toString();
    }
}
