package com.seatledger.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.seatledger.ledger.Cmd;
import com.seatledger.topics.message.*;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model-based test of general-admission areas: random holds (some replacing others), releases,
 * confirms, sales, cancels, blocks, unblocks, duplicates, clock advances and restarts run against
 * the ledger and a tiny model that knows only place counts. Every code, every hold's places and
 * every area's counts must match, and an area's counts always add up to its capacity.
 */
class AreaModelProperties {

    static final String SHOW = "ga";
    static final Map<String, Integer> CAPACITY = Map.of("FLOOR", 6, "LAWN", 3);
    static final int LIMIT = 5;
    static final int TTL = 20;

    record Step(int kind, String actor, String holdId, List<String> areas, int quantity, int n) {
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        return Combinators.combine(
                Arbitraries.integers().between(0, 10),
                Arbitraries.of("alice", "bob", Cmd.BOX_OFFICE),
                Arbitraries.of("h1", "h2", "h3", "h4"),
                Arbitraries.of("FLOOR", "LAWN", "MOON").list().ofMinSize(1).ofMaxSize(2).uniqueElements(),
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 9))
                .as(Step::new).list().ofMinSize(5).ofMaxSize(60);
    }

    /** What the model knows of a hold or an order: its places. */
    static final class Owned {
        final String actor;
        final Map<String, Integer> places;
        Instant expiresAt;
        HoldStatus status = HoldStatus.ACTIVE;

        Owned(String actor, Map<String, Integer> places, Instant expiresAt) {
            this.actor = actor;
            this.places = places;
            this.expiresAt = expiresAt;
        }

        int total() {
            return places.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The model: counts per area [available, held, sold, blocked], holds and orders by id. */
    static final class Model {
        final Map<String, int[]> counts = new TreeMap<>();
        final Map<String, Owned> holds = new LinkedHashMap<>();
        final Map<String, Owned> orders = new HashMap<>();
        final Map<String, ResultCode> decided = new HashMap<>();

        Model() {
            CAPACITY.forEach((a, c) -> counts.put(a, new int[] {c, 0, 0, 0}));
        }

        void move(Map<String, Integer> places, SeatStatus from, SeatStatus to) {
            places.forEach((a, q) -> {
                counts.get(a)[from.ordinal()] -= q;
                counts.get(a)[to.ordinal()] += q;
            });
        }

        int heldBy(String actor) {
            return holds.values().stream().filter(h -> h.status == HoldStatus.ACTIVE && h.actor.equals(actor))
                    .mapToInt(Owned::total).sum();
        }

        void expire(Instant now) {
            holds.values().stream().filter(h -> h.status == HoldStatus.ACTIVE && !now.isBefore(h.expiresAt))
                    .forEach(h -> {
                        move(h.places, SeatStatus.HELD, SeatStatus.AVAILABLE);
                        h.status = HoldStatus.EXPIRED;
                    });
        }

        /** The code of the places check: AREA_NOT_FOUND before AREA_FULL, null when they are fine. */
        ResultCode check(Map<String, Integer> places, SeatStatus from, Map<String, Integer> freeing) {
            if (places.keySet().stream().anyMatch(a -> !counts.containsKey(a))) {
                return ResultCode.AREA_NOT_FOUND;
            }
            for (Map.Entry<String, Integer> p : places.entrySet()) {
                if (counts.get(p.getKey())[from.ordinal()] + freeing.getOrDefault(p.getKey(), 0) < p.getValue()) {
                    return ResultCode.AREA_FULL;
                }
            }
            return null;
        }

        ResultCode hold(String actor, boolean admin, String holdId, Map<String, Integer> places, String replaces,
                Instant now) {
            if (holds.containsKey(holdId)) {
                return ResultCode.INVALID_COMMAND;
            }
            Owned old = null;
            if (replaces != null) {
                old = holds.get(replaces);
                if (old == null) {
                    return ResultCode.HOLD_NOT_FOUND;
                }
                if (!old.actor.equals(actor)) {
                    return ResultCode.NOT_HOLDER;
                }
                if (old.status == HoldStatus.EXPIRED) {
                    return ResultCode.HOLD_EXPIRED;
                }
                if (old.status != HoldStatus.ACTIVE) {
                    return ResultCode.HOLD_NOT_ACTIVE;
                }
            }
            Map<String, Integer> freeing = old == null ? Map.of() : old.places;
            ResultCode problem = check(places, SeatStatus.AVAILABLE, freeing);
            if (problem != null) {
                return problem;
            }
            int total = places.values().stream().mapToInt(Integer::intValue).sum();
            if (!admin && heldBy(actor) - (old == null ? 0 : old.total()) + total > LIMIT) {
                return ResultCode.HOLDER_LIMIT;
            }
            if (old != null) {
                move(old.places, SeatStatus.HELD, SeatStatus.AVAILABLE);
                old.status = HoldStatus.RELEASED;
            }
            move(places, SeatStatus.AVAILABLE, SeatStatus.HELD);
            holds.put(holdId, new Owned(actor, places, now.plusSeconds(TTL)));
            return ResultCode.OK;
        }

        ResultCode end(String actor, boolean admin, String holdId, String orderId) {
            Owned h = holds.get(holdId);
            if (orderId != null && orders.containsKey(orderId)) {
                return ResultCode.INVALID_COMMAND;
            }
            if (h == null) {
                return ResultCode.HOLD_NOT_FOUND;
            }
            if (!h.actor.equals(actor) && !admin) {
                return ResultCode.NOT_HOLDER;
            }
            if (h.status == HoldStatus.EXPIRED) {
                return ResultCode.HOLD_EXPIRED;
            }
            if (h.status != HoldStatus.ACTIVE) {
                return ResultCode.HOLD_NOT_ACTIVE;
            }
            if (orderId == null) {
                move(h.places, SeatStatus.HELD, SeatStatus.AVAILABLE);
                h.status = HoldStatus.RELEASED;
            } else {
                move(h.places, SeatStatus.HELD, SeatStatus.SOLD);
                h.status = HoldStatus.CONFIRMED;
                orders.put(orderId, new Owned(actor, h.places, null));
            }
            return ResultCode.OK;
        }

        ResultCode boxOffice(boolean admin, Map<String, Integer> places, SeatStatus from, SeatStatus to,
                String orderId) {
            if (orderId != null && orders.containsKey(orderId)) {
                return ResultCode.INVALID_COMMAND;
            }
            if (!admin) {
                return ResultCode.FORBIDDEN;
            }
            ResultCode problem = check(places, from, Map.of());
            if (problem != null) {
                return problem;
            }
            move(places, from, to);
            if (orderId != null) {
                orders.put(orderId, new Owned(Cmd.BOX_OFFICE, places, null));
            }
            return ResultCode.OK;
        }

        ResultCode cancel(boolean admin, String orderId) {
            if (!admin) {
                return ResultCode.FORBIDDEN;
            }
            Owned o = orders.get(orderId);
            if (o == null || o.status == HoldStatus.RELEASED) {
                return ResultCode.ORDER_NOT_FOUND;
            }
            move(o.places, SeatStatus.SOLD, SeatStatus.AVAILABLE);
            o.status = HoldStatus.RELEASED; // cancelled
            return ResultCode.OK;
        }
    }

    @Property(tries = 300)
    void placesAgreeWithTheModel(@ForAll("scenarios") List<Step> steps) {
        MemoryStore store = new MemoryStore();
        Ledger ledger = new Ledger(store);
        Model model = new Model();
        Cmd cmd = new Cmd();
        Instant now = Cmd.T0;
        List<Command> sent = new ArrayList<>();
        ledger.decide(cmd.createWithAreas(SHOW, new Policy(TTL, 60, LIMIT, null), List.of(),
                List.of(new AreaDef("FLOOR", "Floor", "GA", 6), new AreaDef("LAWN", "Lawn", "GA", 3))), now);

        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            boolean admin = s.actor().equals(Cmd.BOX_OFFICE);
            Map<String, Integer> places = new LinkedHashMap<>();
            s.areas().forEach(a -> places.put(a, s.quantity()));
            List<AreaQuantity> wire = places.entrySet().stream()
                    .map(e -> new AreaQuantity(e.getKey(), e.getValue())).toList();
            String holdId = s.holdId() + "-" + i;
            String lastHold = model.holds.isEmpty() ? "h-none"
                    : new ArrayList<>(model.holds.keySet()).get(Math.max(0, model.holds.size() - 1 - s.n() % 3));
            String order = "o" + s.n() % 4;
            if (s.kind() == 9) {
                now = now.plusSeconds(s.n() * 3L);
                ledger.expireDue(now);
                model.expire(now);
            } else if (s.kind() == 10 && !sent.isEmpty()) {
                Command again = sent.get(s.n() % sent.size());
                CommandResult r = ledger.decide(again, now).result();
                model.expire(now);
                assertThat(r.duplicate()).isTrue();
                assertThat(r.code()).isEqualTo(model.decided.get(again.commandId()));
            } else if (s.kind() == 8) {
                String before = describe(ledger.show(SHOW));
                ledger = new Ledger(store);
                assertThat(describe(ledger.show(SHOW))).as("after a restart").isEqualTo(before);
            } else {
                Command c = switch (s.kind()) {
                    case 0, 1 -> cmd.holdPlaces(s.actor(), SHOW, holdId, wire);
                    case 2 -> cmd.replacePlaces(s.actor(), SHOW, holdId, lastHold, wire);
                    case 3 -> cmd.release(s.actor(), SHOW, lastHold);
                    case 4 -> cmd.confirm(s.actor(), SHOW, lastHold, order);
                    case 5 -> cmd.sellPlaces(s.actor(), SHOW, order, wire);
                    case 6 -> s.n() % 2 == 0 ? cmd.cancel(s.actor(), SHOW, order) : cmd.blockPlaces(s.actor(), SHOW, wire);
                    default -> cmd.unblockPlaces(s.actor(), SHOW, wire);
                };
                CommandResult r = ledger.decide(c, now).result();
                model.expire(now);
                ResultCode expected = switch (s.kind()) {
                    case 0, 1 -> model.hold(s.actor(), admin, holdId, places, null, now);
                    case 2 -> model.hold(s.actor(), admin, holdId, places, lastHold, now);
                    case 3 -> model.end(s.actor(), admin, lastHold, null);
                    case 4 -> model.end(s.actor(), admin, lastHold, order);
                    case 5 -> model.boxOffice(admin, places, SeatStatus.AVAILABLE, SeatStatus.SOLD, order);
                    case 6 -> s.n() % 2 == 0 ? model.cancel(admin, order)
                            : model.boxOffice(admin, places, SeatStatus.AVAILABLE, SeatStatus.BLOCKED, null);
                    default -> model.boxOffice(admin, places, SeatStatus.BLOCKED, SeatStatus.AVAILABLE, null);
                };
                assertThat(r.code()).as("%s -> %s", c, r).isEqualTo(expected);
                model.decided.put(c.commandId(), r.code());
                sent.add(c);
                if (r.code() == ResultCode.OK && c instanceof HoldSeats) {
                    assertThat(r.hold().areas()).isEqualTo(wire);
                }
            }
            ShowState show = ledger.show(SHOW);
            for (String area : CAPACITY.keySet()) {
                int a = show.area(area);
                assertThat(show.areaCounts[a]).as("counts of %s", area).containsExactly(model.counts.get(area));
                assertThat(java.util.Arrays.stream(show.areaCounts[a]).sum()).isEqualTo(CAPACITY.get(area));
            }
            for (String actor : List.of("alice", "bob", Cmd.BOX_OFFICE)) {
                assertThat(show.heldBy(actor)).as("held by %s", actor).isEqualTo(model.heldBy(actor));
            }
        }
    }

    static String describe(ShowState show) {
        return LedgerModelProperties.describe(show);
    }
}
