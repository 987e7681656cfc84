package com.seatledger.ledger.core;

import static com.seatledger.topics.message.ResultCode.*;

import java.time.Instant;
import java.util.*;
import java.util.stream.Collectors;

import com.seatledger.topics.message.*;

/**
 * A deliberately naive second reading of the decision rules for one show: whole-show scans, no indexes,
 * nothing shared with the ledger but the message records. The property test holds the ledger to it.
 */
final class ReferenceModel {

    record Place(String row, int number, String category) {
    }

    record Seat(SeatStatus status, String holdId, String orderId) {
    }

    record Outcome(CommandResult result, List<ShowEvent> events) {
    }

    private static final class Refused extends RuntimeException {
        final ResultCode code;
        final List<SeatError> errors;

        Refused(ResultCode code, List<SeatError> errors) {
            super(null, null, false, false);
            this.code = code;
            this.errors = errors;
        }

        Refused(ResultCode code) {
            this(code, List.of());
        }
    }

    final String showId;
    final LinkedHashMap<String, Place> places = new LinkedHashMap<>();
    final List<String> rows = new ArrayList<>();
    Policy policy;
    boolean created;
    long seq;
    final Map<String, Seat> seats = new HashMap<>();
    final Map<String, Hold> holds = new HashMap<>();
    final Map<String, List<String>> orders = new HashMap<>();
    final Set<String> cancelledOrders = new HashSet<>();
    final Map<String, Command> commands = new HashMap<>();
    /** Each seat's sales channel; a seat of the public pool has none. */
    final Map<String, String> channelOf = new HashMap<>();
    final Map<String, String> channelNames = new LinkedHashMap<>();
    final Map<String, List<String>> attributes = new HashMap<>();
    final Map<String, CommandResult> resultsById = new HashMap<>();

    ReferenceModel(String showId) {
        this.showId = showId;
    }

    List<ShowEvent> expire(Instant now) {
        List<ShowEvent> events = new ArrayList<>();
        holds.values().stream()
                .filter(h -> h.status() == HoldStatus.ACTIVE && !now.isBefore(h.expiresAt()))
                .sorted(Comparator.comparing(Hold::expiresAt).thenComparing(Hold::holdId))
                .toList()
                .forEach(h -> {
                    List<SeatChange> ch = new ArrayList<>();
                    h.seatIds().forEach(id -> move(id, SeatStatus.AVAILABLE, null, null, ch));
                    Hold expired = h.withStatus(HoldStatus.EXPIRED);
                    holds.put(h.holdId(), expired);
                    events.add(event(now, Cause.EXPIRE, null, expired, null, null, null, ch));
                });
        return events;
    }

    Outcome decide(Command c, Instant now) {
        List<ShowEvent> events = new ArrayList<>(expire(now));
        Command seen = commands.get(c.commandId());
        if (seen != null) {
            CommandResult r = seen.equals(c) ? resultsById.get(c.commandId()).asDuplicate()
                    : CommandResult.rejected(c.commandId(), c.showId(), c.type(), INVALID_COMMAND, null, null);
            return new Outcome(r, events);
        }
        CommandResult result;
        try {
            ShowEvent e = apply(c, now);
            events.add(e);
            result = new CommandResult(c.commandId(), showId, c.type(), com.seatledger.topics.message.Outcome.ACCEPTED,
                    OK, null, e.seq(), false, e.hold(), e.orderId(), List.of());
        } catch (Refused r) {
            result = CommandResult.rejected(c.commandId(), c.showId(), c.type(), r.code, null, r.errors);
        }
        commands.put(c.commandId(), c);
        resultsById.put(c.commandId(), result);
        return new Outcome(result, events);
    }

    private ShowEvent apply(Command c, Instant now) {
        if (c instanceof CreateShow s) {
            admin(c);
            if (created) {
                throw new Refused(SHOW_EXISTS);
            }
            created = true;
            policy = s.policy() == null ? Policy.DEFAULTS : s.policy().resolved();
            s.channelDefs().forEach(ch -> {
                channelNames.put(ch.channelId(), ch.name());
                ch.seatIds().forEach(id -> channelOf.put(id, ch.channelId()));
            });
            s.seats().forEach(d -> {
                attributes.put(d.seatId(), d.attributes());
                places.put(d.seatId(), new Place(d.section() + "/" + d.row(), d.number(), d.category()));
                seats.put(d.seatId(), new Seat(SeatStatus.AVAILABLE, null, null));
                if (!rows.contains(d.section() + "/" + d.row())) {
                    rows.add(d.section() + "/" + d.row());
                }
            });
            seq = 1;
            return new ShowEvent(showId, 1, now, Cause.CREATE, c.commandId(), c.actor(), null, null, null, null,
                    List.of(), availability(), new Layout(s.name(), s.startsAt(), policy, s.seats(), s.areaDefs(),
                            s.channelDefs()));
        }
        if (c instanceof AssignChannel a) {
            admin(c);
            show();
            requireSeats(a.seatIds(), c, id -> seats.get(id).status() == SeatStatus.AVAILABLE);
            String to = a.channelId();
            List<SeatChange> ch = new ArrayList<>();
            for (String id : a.seatIds()) {
                if (!Objects.equals(channelOf.get(id), to)) {
                    if (to == null) {
                        channelOf.remove(id);
                    } else {
                        channelOf.put(id, to);
                    }
                    ch.add(new SeatChange(id, seats.get(id).status(), to));
                }
            }
            if (to != null) {
                channelNames.put(to, a.name() != null ? a.name() : channelNames.getOrDefault(to, to));
            }
            return new ShowEvent(showId, ++seq, now, Cause.CHANNEL, c.commandId(), c.actor(), null, null, null, null,
                    ch, availability(), null, List.of(), to == null ? null : new Channel(to, channelNames.get(to)),
                    List.of());
        }
        if (c instanceof HoldSeats h) {
            return hold(h, now);
        }
        if (c instanceof ExtendHold e) {
            show();
            Hold h = actable(e.holdId(), c, true, now);
            int ttl = e.ttlSeconds() != null ? e.ttlSeconds() : policy.holdTtlSeconds();
            Instant want = max(h.expiresAt(), now.plusSeconds(ttl));
            Instant cap = h.createdAt().plusSeconds(policy.maxHoldSeconds());
            Hold x = h.withExpiresAt(want.isAfter(cap) ? cap : want);
            holds.put(x.holdId(), x);
            return event(now, Cause.EXTEND, c, x, null, null, null, List.of());
        }
        if (c instanceof ReleaseHold r) {
            show();
            Hold h = actable(r.holdId(), c, true, now);
            List<SeatChange> ch = new ArrayList<>();
            h.seatIds().forEach(id -> move(id, SeatStatus.AVAILABLE, null, null, ch));
            Hold x = h.withStatus(HoldStatus.RELEASED);
            holds.put(x.holdId(), x);
            return event(now, Cause.RELEASE, c, x, null, null, null, ch);
        }
        if (c instanceof ConfirmHold k) {
            if (orders.containsKey(k.orderId())) {
                throw new Refused(INVALID_COMMAND);
            }
            show();
            Hold h = actable(k.holdId(), c, true, now);
            List<SeatChange> ch = new ArrayList<>();
            h.seatIds().forEach(id -> move(id, SeatStatus.SOLD, null, k.orderId(), ch));
            Hold x = h.withStatus(HoldStatus.CONFIRMED);
            holds.put(x.holdId(), x);
            orders.put(k.orderId(), h.seatIds());
            return event(now, Cause.CONFIRM, c, x, k.orderId(), null, null, ch);
        }
        if (c instanceof SellSeats s) {
            if (orders.containsKey(s.orderId())) {
                throw new Refused(INVALID_COMMAND);
            }
            admin(c);
            show();
            requireSeats(s.seatIds(), c, id -> seats.get(id).status() == SeatStatus.AVAILABLE);
            List<SeatChange> ch = new ArrayList<>();
            s.seatIds().forEach(id -> move(id, SeatStatus.SOLD, null, s.orderId(), ch));
            orders.put(s.orderId(), s.seatIds());
            return event(now, Cause.SELL, c, null, s.orderId(), null, null, ch);
        }
        if (c instanceof CancelOrder o) {
            admin(c);
            show();
            if (!orders.containsKey(o.orderId()) || cancelledOrders.contains(o.orderId())) {
                throw new Refused(ORDER_NOT_FOUND);
            }
            cancelledOrders.add(o.orderId());
            List<SeatChange> ch = new ArrayList<>();
            orders.get(o.orderId()).forEach(id -> move(id, SeatStatus.AVAILABLE, null, null, ch));
            return event(now, Cause.CANCEL, c, null, o.orderId(), null, null, ch);
        }
        boolean block = c instanceof BlockSeats;
        List<String> ids = block ? ((BlockSeats) c).seatIds() : ((UnblockSeats) c).seatIds();
        String reason = block ? ((BlockSeats) c).reason() : ((UnblockSeats) c).reason();
        admin(c);
        show();
        SeatStatus from = block ? SeatStatus.AVAILABLE : SeatStatus.BLOCKED;
        requireSeats(ids, c, id -> seats.get(id).status() == from);
        List<SeatChange> ch = new ArrayList<>();
        ids.forEach(id -> move(id, block ? SeatStatus.BLOCKED : SeatStatus.AVAILABLE, null, null, ch));
        return event(now, block ? Cause.BLOCK : Cause.UNBLOCK, c, null, null, null, reason, ch);
    }

    private ShowEvent hold(HoldSeats c, Instant now) {
        if (holds.containsKey(c.holdId())) {
            throw new Refused(INVALID_COMMAND);
        }
        show();
        Hold old = c.replacesHoldId() == null ? null : actable(c.replacesHoldId(), c, false, now);
        int ttl = c.ttlSeconds() != null ? c.ttlSeconds() : policy.holdTtlSeconds();
        if (ttl > policy.maxHoldSeconds()) {
            throw new Refused(HOLD_TOO_LONG);
        }
        Set<String> freeing = old == null ? Set.of() : new HashSet<>(old.seatIds());
        List<String> chosen;
        if (c.seatIds() != null) {
            requireSeats(c.seatIds(), c, id -> seats.get(id).status() == SeatStatus.AVAILABLE || freeing.contains(id));
            limit(c, freeing.size(), c.seatIds().size());
            chosen = c.seatIds();
            if (policy.preventOrphanSeats()) {
                List<String> stranded = stranded(new HashSet<>(chosen), freeing);
                if (!stranded.isEmpty()) {
                    throw new Refused(ORPHAN_SEAT,
                            stranded.stream().map(id -> new SeatError(id, ORPHAN_SEAT)).toList());
                }
            }
        } else {
            if (c.bestAvailable().channel() != null && !c.isAdmin()
                    && !c.buyerChannels().contains(c.bestAvailable().channel())) {
                throw new Refused(CHANNEL_RESTRICTED);
            }
            limit(c, freeing.size(), c.bestAvailable().quantity() + c.bestAvailable().companionCount());
            chosen = best(c, c.bestAvailable(), freeing);
        }
        List<SeatChange> ch = new ArrayList<>();
        if (old != null) {
            old.seatIds().stream().filter(id -> !chosen.contains(id))
                    .forEach(id -> move(id, SeatStatus.AVAILABLE, null, null, ch));
            holds.put(old.holdId(), old.withStatus(HoldStatus.RELEASED));
        }
        chosen.forEach(id -> move(id, SeatStatus.HELD, c.holdId(), null, ch));
        Hold h = new Hold(c.holdId(), c.actor(), List.copyOf(chosen), now, now.plusSeconds(ttl), HoldStatus.ACTIVE);
        holds.put(h.holdId(), h);
        return event(now, Cause.HOLD, c, h, null, c.replacesHoldId(), null, ch);
    }

    /**
     * Best available within the pool or the asked channel: first without restricted-view seats, then
     * (unless avoided) with them; wheelchair and companion seats only when required.
     */
    private List<String> best(HoldSeats c, BestAvailable want, Set<String> freeing) {
        boolean restrictedRequired = want.require().contains("RESTRICTED_VIEW");
        boolean[] orphanBlocked = new boolean[1];
        List<String> first = best(want, freeing, restrictedRequired, orphanBlocked);
        if (first != null) {
            return first;
        }
        if (!restrictedRequired && !want.avoid().contains("RESTRICTED_VIEW")) {
            List<String> second = best(want, freeing, true, orphanBlocked);
            if (second != null) {
                return second;
            }
        }
        throw new Refused(orphanBlocked[0] ? ORPHAN_SEAT : NOT_ENOUGH_SEATS);
    }

    private boolean fits(String id, BestAvailable want, Set<String> freeing, boolean restrictedAllowed) {
        List<String> has = attributes.get(id);
        return places.get(id).category().equals(want.category()) && Objects.equals(channelOf.get(id), want.channel())
                && (seats.get(id).status() == SeatStatus.AVAILABLE || freeing.contains(id))
                && has.containsAll(want.require()) && want.avoid().stream().noneMatch(has::contains)
                && (!has.contains("WHEELCHAIR") || want.require().contains("WHEELCHAIR"))
                && (!has.contains("COMPANION") || want.require().contains("COMPANION"))
                && (!has.contains("RESTRICTED_VIEW") || restrictedAllowed);
    }

    /** The seat at {@code number} in the row of {@code id}, if any. */
    private String at(String id, int number) {
        String row = places.get(id).row();
        return places.keySet().stream().filter(o -> places.get(o).row().equals(row) && places.get(o).number() == number)
                .findFirst().orElse(null);
    }

    /** The run plus {@code companions} free companion seats right after it, then right before it; null if too few. */
    private List<String> withCompanions(List<String> run, BestAvailable want, Set<String> freeing) {
        List<String> chosen = new ArrayList<>(run);
        int need = run.size() + want.companionCount();
        for (String next = at(run.get(run.size() - 1), places.get(run.get(run.size() - 1)).number() + 1);
                chosen.size() < need && next != null && companion(next, want, freeing);
                next = at(next, places.get(next).number() + 1)) {
            chosen.add(next);
        }
        for (String prev = at(run.get(0), places.get(run.get(0)).number() - 1);
                chosen.size() < need && prev != null && companion(prev, want, freeing);
                prev = at(prev, places.get(prev).number() - 1)) {
            chosen.add(prev);
        }
        return chosen.size() == need ? chosen : null;
    }

    private boolean companion(String id, BestAvailable want, Set<String> freeing) {
        return attributes.get(id).contains("COMPANION") && places.get(id).category().equals(want.category())
                && Objects.equals(channelOf.get(id), want.channel())
                && (seats.get(id).status() == SeatStatus.AVAILABLE || freeing.contains(id));
    }

    private List<String> best(BestAvailable want, Set<String> freeing, boolean restrictedAllowed,
            boolean[] orphanBlocked) {
        List<String> split = new ArrayList<>();
        for (String row : rows) {
            List<String> inRow = places.keySet().stream().filter(id -> places.get(id).row().equals(row))
                    .sorted(Comparator.comparingInt(id -> places.get(id).number())).toList();
            int centre2 = places.get(inRow.get(0)).number() + places.get(inRow.get(inRow.size() - 1)).number();
            List<String> free = inRow.stream().filter(id -> fits(id, want, freeing, restrictedAllowed)).toList();
            if (want.wantsAdjacent()) {
                List<String> bestRun = null;
                int bestDistance = Integer.MAX_VALUE;
                for (int i = 0; i + want.quantity() <= free.size(); i++) {
                    List<String> run = free.subList(i, i + want.quantity());
                    int first = places.get(run.get(0)).number();
                    int last = places.get(run.get(run.size() - 1)).number();
                    if (last - first != want.quantity() - 1) {
                        continue;
                    }
                    int distance = Math.abs(first + last - centre2);
                    if (distance >= bestDistance) {
                        continue;
                    }
                    List<String> chosen = withCompanions(run, want, freeing);
                    if (chosen == null) {
                        continue;
                    }
                    if (policy.preventOrphanSeats() && !stranded(new HashSet<>(chosen), freeing).isEmpty()) {
                        orphanBlocked[0] = true;
                        continue;
                    }
                    bestRun = chosen;
                    bestDistance = distance;
                }
                if (bestRun != null) {
                    return bestRun;
                }
            } else {
                List<String> order = free.stream().sorted(Comparator
                        .<String>comparingInt(id -> Math.abs(2 * places.get(id).number() - centre2))
                        .thenComparingInt(id -> places.get(id).number())).toList();
                for (String id : order) {
                    if (split.size() == want.quantity()) {
                        break;
                    }
                    split.add(id);
                    if (policy.preventOrphanSeats() && !stranded(new HashSet<>(split), freeing).isEmpty()) {
                        split.remove(split.size() - 1);
                        orphanBlocked[0] = true;
                    }
                }
                if (split.size() == want.quantity()) {
                    return split;
                }
            }
        }
        return null;
    }

    /** Orphans over the whole show after the change, minus those that were already there. */
    private List<String> stranded(Set<String> taking, Set<String> freeing) {
        Set<String> before = orphans(id -> seats.get(id).status() == SeatStatus.AVAILABLE);
        Set<String> after = orphans(id -> !taking.contains(id)
                && (freeing.contains(id) || seats.get(id).status() == SeatStatus.AVAILABLE));
        after.removeAll(before);
        return after.stream().sorted().toList();
    }

    private Set<String> orphans(java.util.function.Predicate<String> available) {
        Map<String, String> byPlace = new HashMap<>();
        places.forEach((id, p) -> byPlace.put(p.row() + "#" + p.number(), id));
        Set<String> out = new HashSet<>();
        places.forEach((id, p) -> {
            String left = byPlace.get(p.row() + "#" + (p.number() - 1));
            String right = byPlace.get(p.row() + "#" + (p.number() + 1));
            if (!available.test(id) || (left == null && right == null)) {
                return;
            }
            if ((left == null || !available.test(left)) && (right == null || !available.test(right))) {
                out.add(id);
            }
        });
        return out;
    }

    private void limit(HoldSeats c, int freed, int wanted) {
        if (c.isAdmin()) {
            return;
        }
        int held = holds.values().stream().filter(h -> h.status() == HoldStatus.ACTIVE && h.actor().equals(c.actor()))
                .mapToInt(h -> h.seatIds().size()).sum();
        if (held - freed + wanted > policy.maxSeatsPerHolder()) {
            throw new Refused(HOLDER_LIMIT);
        }
    }

    private Hold actable(String holdId, Command c, boolean adminMay, Instant now) {
        Hold h = holds.get(holdId);
        if (h == null) {
            throw new Refused(HOLD_NOT_FOUND);
        }
        if (!h.actor().equals(c.actor()) && !(adminMay && c.isAdmin())) {
            throw new Refused(NOT_HOLDER);
        }
        if (h.status() == HoldStatus.EXPIRED) {
            throw new Refused(HOLD_EXPIRED);
        }
        if (h.status() != HoldStatus.ACTIVE) {
            throw new Refused(HOLD_NOT_ACTIVE);
        }
        return h;
    }

    /** Every named seat exists, is the actor's to use (the pool, one of its channels, or any for an admin) and usable. */
    private void requireSeats(List<String> ids, Command c, java.util.function.Predicate<String> usable) {
        List<SeatError> errors = new ArrayList<>();
        for (String id : ids) {
            String channel = channelOf.get(id);
            if (!seats.containsKey(id)) {
                errors.add(new SeatError(id, SEAT_NOT_FOUND));
            } else if (channel != null && !c.isAdmin() && !c.buyerChannels().contains(channel)) {
                errors.add(new SeatError(id, CHANNEL_RESTRICTED));
            } else if (!usable.test(id)) {
                errors.add(new SeatError(id, SEAT_UNAVAILABLE));
            }
        }
        if (!errors.isEmpty()) {
            ResultCode worst = errors.stream().map(SeatError::reason).anyMatch(r -> r == SEAT_NOT_FOUND) ? SEAT_NOT_FOUND
                    : errors.stream().map(SeatError::reason).anyMatch(r -> r == CHANNEL_RESTRICTED) ? CHANNEL_RESTRICTED
                    : SEAT_UNAVAILABLE;
            throw new Refused(worst, errors);
        }
    }

    private void show() {
        if (!created) {
            throw new Refused(SHOW_NOT_FOUND);
        }
    }

    private static void admin(Command c) {
        if (!c.isAdmin()) {
            throw new Refused(FORBIDDEN);
        }
    }

    private void move(String id, SeatStatus to, String holdId, String orderId, List<SeatChange> changes) {
        Seat before = seats.put(id, new Seat(to, holdId, orderId));
        if (before.status() != to) {
            changes.add(new SeatChange(id, to));
        }
    }

    private ShowEvent event(Instant now, Cause cause, Command c, Hold hold, String orderId, String replaced,
            String reason, List<SeatChange> changes) {
        return new ShowEvent(showId, ++seq, now, cause, c == null ? null : c.commandId(), c == null ? null : c.actor(),
                hold, orderId, replaced, reason, changes, availability(), null);
    }

    Map<String, Availability> availability() {
        Map<String, Availability> a = new TreeMap<>();
        places.forEach((id, p) -> a.merge(p.category(), Availability.EMPTY.move(null, seats.get(id).status()),
                (x, one) -> x.move(null, seats.get(id).status())));
        return a;
    }

    List<String> seatIds() {
        return places.keySet().stream().collect(Collectors.toList());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
