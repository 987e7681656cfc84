package com.seatledger.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import com.seatledger.harness.KafkaClients;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.AreaCounts;
import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.Availability;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.SeatChange;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SeatStatus;
import com.seatledger.topics.message.ShowEvent;

/**
 * Reads what the ledger published ({@code seat-command-results}, {@code seat-status},
 * {@code seat-commands-dlq}, all read_committed from the beginning) and checks the promises of
 * the decision rules against it: one result per command record, gapless per-show seqs, legal seat moves (no
 * seat sold twice), every accepted hold ended exactly once, and results that agree with events.
 * Every violation is collected, so one run reports all of them.
 */
final class Audit implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> results;
    private final KafkaConsumer<String, byte[]> events;
    private final KafkaConsumer<String, byte[]> dlq;
    /** commandId → its results, in topic order. */
    final Map<String, List<CommandResult>> resultsById = new HashMap<>();
    /** showId → its events, in topic order. */
    final Map<String, List<ShowEvent>> eventsByShow = new TreeMap<>();
    final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
    /** Arrival time (this reader's clock) of each result, for failover measurements. */
    final List<Arrival> arrivals = new ArrayList<>();
    private long resultCount;

    record Arrival(Instant at, String showId, Instant decidedAt) {
    }

    Audit(String bootstrap, int partitions) {
        this.results = KafkaClients.fromStart(bootstrap, Topics.COMMAND_RESULTS.name(), partitions);
        this.events = KafkaClients.fromStart(bootstrap, Topics.SEAT_STATUS.name(), partitions);
        this.dlq = KafkaClients.fromStart(bootstrap, Topics.COMMANDS_DLQ.name(), partitions);
    }

    /** Reads whatever has been committed since the last call. */
    synchronized Audit catchUp() {
        for (ConsumerRecord<String, byte[]> r : results.poll(Duration.ofMillis(100))) {
            CommandResult result = Json.MAPPER.readValue(r.value(), CommandResult.class);
            resultsById.computeIfAbsent(result.commandId(), id -> new ArrayList<>()).add(result);
            arrivals.add(new Arrival(Instant.now(), result.showId(), Instant.ofEpochMilli(r.timestamp())));
            resultCount++;
        }
        for (ConsumerRecord<String, byte[]> r : events.poll(Duration.ofMillis(100))) {
            ShowEvent e = Json.MAPPER.readValue(r.value(), ShowEvent.class);
            eventsByShow.computeIfAbsent(e.showId(), id -> new ArrayList<>()).add(e);
        }
        for (ConsumerRecord<String, byte[]> r : dlq.poll(Duration.ofMillis(50))) {
            deadLetters.add(r);
        }
        return this;
    }

    synchronized long resultCount() {
        return resultCount;
    }

    /** Holds accepted and not yet ended by a CONFIRM, RELEASE or EXPIRE event. */
    synchronized Set<String> openHolds() {
        return fold(new ArrayList<>(), Map.of()).values().stream().flatMap(s -> s.activeHolds.keySet().stream())
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Every invariant over what was sent and what was published; returns the violations (empty = all hold).
     * {@code now}: holds that are still ACTIVE must not have expired before it (minus the expiry slack).
     */
    synchronized List<String> violations(Map<String, Integer> recordsSent, Map<String, Command> commands,
            Instant now) {
        List<String> v = new ArrayList<>();
        checkResults(recordsSent, commands, v);
        Map<String, ShowState> shows = fold(v, commands);
        checkResultsAgreeWithEvents(v);
        checkHolds(shows, now, v);
        return v;
    }

    /** Exactly one result per command record: the first is the decision, the rest are duplicates equal to it. */
    private void checkResults(Map<String, Integer> recordsSent, Map<String, Command> commands, List<String> v) {
        recordsSent.forEach((id, sent) -> {
            List<CommandResult> rs = resultsById.getOrDefault(id, List.of());
            if (rs.size() != sent) {
                v.add(id + ": " + sent + " records sent, " + rs.size() + " results");
                return;
            }
            CommandResult first = rs.get(0);
            if (first.duplicate()) {
                v.add(id + ": first result marked duplicate");
            }
            if (!Objects.equals(first.showId(), commands.get(id).showId()) || first.type() != commands.get(id).type()) {
                v.add(id + ": result for another show or type: " + first);
            }
            for (CommandResult again : rs.subList(1, rs.size())) {
                if (!again.duplicate() || !first.asDuplicate().equals(again)) {
                    v.add(id + ": repeated result differs from the original: " + first + " vs " + again);
                }
            }
        });
        Set<String> loadShows = new HashSet<>();
        commands.values().forEach(c -> loadShows.add(c.showId()));
        resultsById.forEach((id, rs) -> {
            if (loadShows.contains(rs.get(0).showId()) && !recordsSent.containsKey(id)) {
                v.add(id + ": a result for a command nobody sent");
            }
        });
    }

    /** An accepted result names the event it caused; an event's command was accepted with that seq; no command twice. */
    private void checkResultsAgreeWithEvents(List<String> v) {
        Map<String, ShowEvent> byCommand = new HashMap<>();
        eventsByShow.values().forEach(es -> es.stream().filter(e -> e.commandId() != null).forEach(e -> {
            if (byCommand.put(e.commandId(), e) != null) {
                v.add(e.commandId() + ": caused two events (an effect repeated)");
            }
        }));
        resultsById.forEach((id, rs) -> {
            CommandResult r = rs.get(0);
            ShowEvent e = byCommand.get(id);
            if (r.outcome() == Outcome.ACCEPTED && r.seq() != null && (e == null || e.seq() != r.seq())) {
                v.add(id + ": accepted with seq " + r.seq() + " but the event is " + e);
            }
            if (r.outcome() == Outcome.REJECTED && e != null) {
                v.add(id + ": rejected but has an event " + e.seq());
            }
        });
        byCommand.forEach((id, e) -> {
            if (!resultsById.containsKey(id)) {
                v.add(id + ": event " + e.showId() + "/" + e.seq() + " without a result");
            }
        });
    }

    private void checkHolds(Map<String, ShowState> shows, Instant now, List<String> v) {
        Set<String> acceptedHolds = new HashSet<>();
        resultsById.values().stream().map(rs -> rs.get(0))
                .filter(r -> r.outcome() == Outcome.ACCEPTED && r.type() == com.seatledger.topics.message.CommandType.HOLD)
                .forEach(r -> acceptedHolds.add(r.hold().holdId()));
        Set<String> heldInEvents = new HashSet<>();
        shows.values().forEach(s -> heldInEvents.addAll(s.holdsSeen));
        if (!acceptedHolds.equals(heldInEvents)) {
            Set<String> missing = new HashSet<>(acceptedHolds);
            missing.removeAll(heldInEvents);
            Set<String> extra = new HashSet<>(heldInEvents);
            extra.removeAll(acceptedHolds);
            v.add("accepted holds and HOLD events differ: without event " + missing + ", without result " + extra);
        }
        shows.values().forEach(s -> s.activeHolds.values().forEach(h -> {
            if (h.expiresAt().plusSeconds(2).isBefore(now)) {
                v.add(h.holdId() + ": still ACTIVE although it expired at " + h.expiresAt());
            }
        }));
    }

    /**
     * Replays every show's events, checking seqs and every seat move (and, where the command is in
     * {@code commands}, that a channel's seats and places were held only by that channel's buyers or
     * an admin); the end state per show.
     */
    synchronized Map<String, ShowState> fold(List<String> v, Map<String, Command> commands) {
        Map<String, ShowState> shows = new LinkedHashMap<>();
        eventsByShow.forEach((show, es) -> {
            ShowState s = new ShowState();
            for (ShowEvent e : es) {
                s.apply(e, v);
                if (e.cause() == Cause.HOLD) {
                    s.checkChannels(e, commands.get(e.commandId()), v);
                }
            }
            shows.put(show, s);
        });
        return shows;
    }

    /** One show replayed from seat-status. */
    static final class ShowState {
        long seq;
        final Map<String, SeatStatus> seats = new LinkedHashMap<>();
        final Map<String, String> category = new HashMap<>();
        final Map<String, String> heldBy = new HashMap<>();
        final Map<String, String> soldTo = new HashMap<>();
        /** Each seat's sales channel (none: the public pool), from the layout and CHANNEL events. */
        final Map<String, String> channelOf = new HashMap<>();
        final Map<String, Hold> activeHolds = new HashMap<>();
        final Set<String> holdsSeen = new HashSet<>();
        final Set<String> holdsEnded = new HashSet<>();
        final Set<String> orders = new HashSet<>();
        /** General-admission areas: capacity, category and places by status [available, held, sold, blocked]. */
        final Map<String, Integer> capacity = new HashMap<>();
        final Map<String, String> areaCategory = new HashMap<>();
        final Map<String, int[]> places = new TreeMap<>();

        private static final Map<Cause, Map<SeatStatus, SeatStatus>> MOVES = new EnumMap<>(Cause.class);
        static {
            MOVES.put(Cause.HOLD, Map.of(SeatStatus.AVAILABLE, SeatStatus.HELD));
            MOVES.put(Cause.RELEASE, Map.of(SeatStatus.HELD, SeatStatus.AVAILABLE));
            MOVES.put(Cause.EXPIRE, Map.of(SeatStatus.HELD, SeatStatus.AVAILABLE));
            MOVES.put(Cause.CONFIRM, Map.of(SeatStatus.HELD, SeatStatus.SOLD));
            MOVES.put(Cause.SELL, Map.of(SeatStatus.AVAILABLE, SeatStatus.SOLD));
            MOVES.put(Cause.CANCEL, Map.of(SeatStatus.SOLD, SeatStatus.AVAILABLE));
            MOVES.put(Cause.BLOCK, Map.of(SeatStatus.AVAILABLE, SeatStatus.BLOCKED));
            MOVES.put(Cause.UNBLOCK, Map.of(SeatStatus.BLOCKED, SeatStatus.AVAILABLE));
            MOVES.put(Cause.CHANNEL, Map.of(SeatStatus.AVAILABLE, SeatStatus.AVAILABLE));
        }
        private static final Set<Cause> ENDS_HOLD = EnumSet.of(Cause.RELEASE, Cause.EXPIRE, Cause.CONFIRM);

        void apply(ShowEvent e, List<String> v) {
            String where = e.showId() + "/" + e.seq() + " " + e.cause();
            if (e.seq() != seq + 1) {
                v.add(where + ": seq after " + seq + " (gap or repeat)");
            }
            seq = e.seq();
            if (e.cause() == Cause.CREATE) {
                for (SeatDef d : e.layout().seats()) {
                    seats.put(d.seatId(), SeatStatus.AVAILABLE);
                    category.put(d.seatId(), d.category());
                }
                e.layout().channels().forEach(ch -> ch.seatIds().forEach(id -> channelOf.put(id, ch.channelId())));
                for (AreaDef a : e.layout().areas()) {
                    capacity.put(a.areaId(), a.capacity());
                    areaCategory.put(a.areaId(), a.category());
                    places.put(a.areaId(), new int[] {a.capacity(), 0, 0, 0});
                }
            }
            for (AreaCounts c : e.areas()) {
                Integer cap = capacity.get(c.areaId());
                if (cap == null) {
                    v.add(where + ": area " + c.areaId() + " is not in the show");
                    continue;
                }
                int[] k = {c.available(), c.held(), c.sold(), c.blocked()};
                if (java.util.Arrays.stream(k).anyMatch(x -> x < 0) || java.util.Arrays.stream(k).sum() != cap) {
                    v.add(where + ": area " + c.areaId() + " counts " + java.util.Arrays.toString(k)
                            + " do not add up to its capacity " + cap);
                }
                places.put(c.areaId(), k);
            }
            Hold hold = e.hold();
            if (hold != null && e.cause() != Cause.HOLD && !activeHolds.containsKey(hold.holdId())) {
                v.add(where + ": hold " + hold.holdId() + " is not active");
            }
            for (SeatChange c : e.seats()) {
                SeatStatus from = seats.get(c.seatId());
                if (from == null) {
                    v.add(where + ": seat " + c.seatId() + " is not in the show");
                    continue;
                }
                SeatStatus allowed = MOVES.getOrDefault(e.cause(), Map.of()).get(from);
                if (allowed != c.status()) {
                    v.add(where + ": seat " + c.seatId() + " " + from + " -> " + c.status() + " is not a legal move");
                }
                if (hold != null && e.cause() != Cause.HOLD && !hold.holdId().equals(heldBy.get(c.seatId()))) {
                    v.add(where + ": seat " + c.seatId() + " is not held by " + hold.holdId());
                }
                seats.put(c.seatId(), c.status());
                if (e.cause() == Cause.CHANNEL) {
                    channelOf.compute(c.seatId(), (id, old) -> c.channel());
                }
                heldBy.remove(c.seatId());
                soldTo.remove(c.seatId());
                if (c.status() == SeatStatus.HELD) {
                    heldBy.put(c.seatId(), hold.holdId());
                } else if (c.status() == SeatStatus.SOLD) {
                    soldTo.put(c.seatId(), e.orderId());
                }
            }
            if (e.cause() == Cause.HOLD) {
                if (!holdsSeen.add(hold.holdId())) {
                    v.add(where + ": hold " + hold.holdId() + " taken twice");
                }
                activeHolds.put(hold.holdId(), hold);
            } else if (e.cause() == Cause.EXTEND) {
                activeHolds.put(hold.holdId(), hold);
            } else if (ENDS_HOLD.contains(e.cause())) {
                activeHolds.remove(hold.holdId());
                if (!holdsEnded.add(hold.holdId())) {
                    v.add(where + ": hold " + hold.holdId() + " ended twice");
                }
                HoldStatus expected = e.cause() == Cause.CONFIRM ? HoldStatus.CONFIRMED
                        : e.cause() == Cause.EXPIRE ? HoldStatus.EXPIRED : HoldStatus.RELEASED;
                if (hold.status() != expected) {
                    v.add(where + ": hold status " + hold.status());
                }
            }
            if (e.orderId() != null && (e.cause() == Cause.CONFIRM || e.cause() == Cause.SELL)
                    && !orders.add(e.orderId())) {
                v.add(where + ": order " + e.orderId() + " sold twice");
            }
            if (!availability().equals(e.availability())) {
                v.add(where + ": availability " + e.availability() + " but the seats say " + availability());
            }
        }

        /** A HOLD took channel seats or places: its command's actor must buy from that channel, or be an admin. */
        void checkChannels(ShowEvent e, Command c, List<String> v) {
            if (c == null || c.isAdmin()) {
                return;
            }
            for (SeatChange s : e.seats()) {
                String channel = channelOf.get(s.seatId());
                if (channel != null && !c.buyerChannels().contains(channel)) {
                    v.add(e.showId() + "/" + e.seq() + ": seat " + s.seatId() + " of channel " + channel + " held by "
                            + c.actor() + ", who may not buy from it");
                }
            }
            e.hold().areas().stream().filter(a -> a.channel() != null && !c.buyerChannels().contains(a.channel()))
                    .forEach(a -> v.add(e.showId() + "/" + e.seq() + ": places of area " + a.areaId() + " of channel "
                            + a.channel() + " held by " + c.actor() + ", who may not buy from it"));
        }

        Map<String, Availability> availability() {
            Map<String, Availability> counts = new TreeMap<>();
            seats.forEach((id, st) -> counts.merge(category.get(id), Availability.EMPTY.move(null, st), ShowState::sum));
            places.forEach((id, k) -> counts.merge(areaCategory.get(id), new Availability(k[0], k[1], k[2], k[3]),
                    ShowState::sum));
            return counts;
        }

        private static Availability sum(Availability a, Availability b) {
            return new Availability(a.available() + b.available(), a.held() + b.held(), a.sold() + b.sold(),
                    a.blocked() + b.blocked());
        }
    }

    @Override
    public void close() {
        results.close();
        events.close();
        dlq.close();
    }
}
