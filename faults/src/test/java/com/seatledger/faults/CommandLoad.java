package com.seatledger.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.AssignChannel;
import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.ChannelDef;
import com.seatledger.topics.message.CancelOrder;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ReleaseHold;
import com.seatledger.topics.message.SeatDef;

/**
 * Steady mixed load straight onto {@code seat-commands}, as many api-app instances would put it
 * there: buyers contending for the same few seats with short holds (so expiries happen all the
 * time), confirms, releases, extensions, acts on other buyers' holds, and retries of commands
 * already sent (same id, same bytes). Remembers every record it sent, for the audit.
 */
final class CommandLoad implements AutoCloseable {

    static final int ACTORS = 24;
    static final int ROWS = 4;
    static final int PER_ROW = 20;

    private final KafkaProducer<String, byte[]> producer;
    private final List<String> shows;
    private final Random random;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    /** commandId → the command and how many records carried it. */
    private final Map<String, Command> commands = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> records = new ConcurrentHashMap<>();
    private final List<HoldSeats> holds = new ArrayList<>();
    private final List<Command> sentOnce = new ArrayList<>();
    private final List<ConfirmHold> confirms = new ArrayList<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private int next;
    static final String FLOOR = "FLOOR";
    static final int FLOOR_PLACES = 30;
    /** The fan club's channel of {@link #createShowsWithChannels}: seats A-1..A-5 and 10 floor places. */
    static final String FAN_CLUB = "fan";
    /** Buyers 0..FANS-1 may buy from the fan club (their commands carry its channel). */
    static final int FANS = 8;
    private boolean withChannels;

    CommandLoad(String bootstrap, List<String> shows, long seed) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // a broker restart must delay commands, never drop them
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000), new StringSerializer(), new ByteArraySerializer());
        this.shows = List.copyOf(shows);
        this.random = new Random(seed);
    }

    /** CREATE_SHOW for every show (admin), 5-second default holds. */
    void createShows() {
        for (String show : shows) {
            send(new CreateShow("create-" + show, show, "box-office", List.of(Command.ADMIN_ROLE), Instant.now(),
                    "Fault show " + show, null, FaultEnv.hall(ROWS, PER_ROW), new Policy(5, 60, 10, false),
                    List.of(new AreaDef(FLOOR, "Standing floor", "GA", FLOOR_PLACES))));
        }
    }

    /**
     * CREATE_SHOW for every show with a fan-club channel (A-1..A-5, 10 floor places) and wheelchair
     * spaces with companion seats (D-1, D-2 and D-3, D-4); from then on the load also sends holds by
     * fans and by others of the channel's seats and places, best available in the channel and
     * wheelchair + companion holds, and the box office moves seats between the channel and the pool.
     */
    void createShowsWithChannels() {
        withChannels = true;
        List<SeatDef> hall = new ArrayList<>();
        for (SeatDef d : FaultEnv.hall(ROWS, PER_ROW)) {
            boolean lastRow = d.row().equals(String.valueOf((char) ('A' + ROWS - 1)));
            List<String> attributes = !lastRow || d.number() > 4 ? List.of()
                    : List.of(d.number() <= 2 ? "WHEELCHAIR" : "COMPANION");
            hall.add(new SeatDef(d.seatId(), d.section(), d.row(), d.number(), d.category(), attributes));
        }
        for (String show : shows) {
            send(new CreateShow("create-" + show, show, "box-office", List.of(Command.ADMIN_ROLE), Instant.now(),
                    "Fault show " + show, null, hall, new Policy(5, 60, 10, false),
                    List.of(new AreaDef(FLOOR, "Standing floor", "GA", FLOOR_PLACES)),
                    List.of(new ChannelDef(FAN_CLUB, "Fan club", List.of("A-1", "A-2", "A-3", "A-4", "A-5"),
                            List.of(new AreaQuantity(FLOOR, 10))))));
        }
    }

    /** The channels a buyer's token would carry: the fan club for the first {@link #FANS} buyers. */
    private List<String> channelsOf(String actor) {
        return withChannels && Integer.parseInt(actor.substring("buyer-".length())) < FANS ? List.of(FAN_CLUB) : null;
    }

    /** Sends {@code perSecond} commands a second in the background until {@link #stop()}. */
    void start(int perSecond) {
        long periodMicros = 1_000_000L / perSecond;
        ticker.scheduleAtFixedRate(this::sendOne, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    void stop() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        producer.flush();
        if (sendFailure.get() != null) {
            throw new IllegalStateException("a command could not be sent", sendFailure.get());
        }
    }

    private synchronized void sendOne() {
        int n = next++;
        int dice = random.nextInt(100);
        String show = shows.get(random.nextInt(shows.size()));
        String actor = "buyer-" + random.nextInt(ACTORS);
        HoldSeats hold = holds.isEmpty() ? null : holds.get(random.nextInt(holds.size()));
        if (dice < 10) {
            // places on the standing floor, with a seat now and then: all or nothing, AREA_FULL when it is full
            // (with channels, now and then the fan club's places: fans get them, others CHANNEL_RESTRICTED)
            String quota = withChannels && random.nextInt(3) == 0 ? FAN_CLUB : null;
            HoldSeats h = new HoldSeats("c-" + n, show, actor, List.of(), Instant.now(), "h-" + n,
                    random.nextInt(3) == 0 ? seats() : null, null, 2 + random.nextInt(4), null,
                    List.of(new AreaQuantity(FLOOR, 1 + random.nextInt(3), quota)), channelsOf(actor));
            holds.add(h);
            send(h);
        } else if (dice < 40 || hold == null) {
            HoldSeats h = new HoldSeats("c-" + n, show, actor, List.of(), Instant.now(), "h-" + n, seats(), null,
                    2 + random.nextInt(4), null, null, channelsOf(actor));
            holds.add(h);
            send(h);
        } else if (dice < 50) {
            int kind = withChannels ? random.nextInt(3) : 0;
            BestAvailable want = switch (kind) {
                // in the fan club's channel (restricted for others), or a wheelchair space with its companion
                case 1 -> new BestAvailable("STANDARD", 1 + random.nextInt(2), true, FAN_CLUB, List.of(), List.of(), null);
                case 2 -> new BestAvailable("STANDARD", 1, true, null, List.of("WHEELCHAIR"), List.of(), 1);
                default -> new BestAvailable("STANDARD", 1 + random.nextInt(2), random.nextBoolean());
            };
            HoldSeats h = new HoldSeats("c-" + n, show, actor, List.of(), Instant.now(), "h-" + n, null, want, 3, null,
                    null, channelsOf(actor));
            holds.add(h);
            send(h);
        } else if (dice < 60) {
            ConfirmHold c = new ConfirmHold("c-" + n, hold.showId(), hold.actor(), List.of(), Instant.now(),
                    hold.holdId(), "o-" + n);
            confirms.add(c);
            send(c);
        } else if (dice < 65 && !confirms.isEmpty()) {
            // the box office refunds an order, so sold seats come back and the hall never fills up
            ConfirmHold c = confirms.get(random.nextInt(confirms.size()));
            send(new CancelOrder("c-" + n, c.showId(), "box-office", List.of(Command.ADMIN_ROLE), Instant.now(),
                    c.orderId()));
        } else if (dice < 75) {
            send(new ReleaseHold("c-" + n, hold.showId(), hold.actor(), List.of(), Instant.now(), hold.holdId()));
        } else if (dice < 85) {
            send(new ExtendHold("c-" + n, hold.showId(), hold.actor(), List.of(), Instant.now(), hold.holdId(), 3));
        } else if (withChannels && dice < 87) {
            // the box office moves row B's first seats into the fan club or back to the pool (AVAILABLE ones only)
            List<String> seats = List.of("B-1", "B-2", "B-3").subList(0, 1 + random.nextInt(3));
            send(new AssignChannel("c-" + n, show, "box-office", List.of(Command.ADMIN_ROLE), Instant.now(),
                    random.nextBoolean() ? FAN_CLUB : null, null, seats, null));
        } else if (dice < 90) {
            // another buyer tries to take over the hold
            send(new ConfirmHold("c-" + n, hold.showId(), actor, List.of(), Instant.now(), hold.holdId(), "o-" + n));
        } else {
            // a client retry: the same record again
            send(sentOnce.get(random.nextInt(sentOnce.size())));
        }
    }

    /** 1-3 adjacent seats somewhere in the hall. */
    private List<String> seats() {
        String row = String.valueOf((char) ('A' + random.nextInt(ROWS)));
        int size = 1 + random.nextInt(3);
        int first = 1 + random.nextInt(PER_ROW - size + 1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids.add(row + "-" + (first + i));
        }
        return ids;
    }

    private void send(Command c) {
        if (commands.putIfAbsent(c.commandId(), c) == null) {
            sentOnce.add(c);
        }
        records.computeIfAbsent(c.commandId(), id -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), c.showId(), Json.MAPPER.writeValueAsBytes(c)),
                (meta, e) -> {
                    if (e != null) {
                        sendFailure.compareAndSet(null, e);
                    }
                });
    }

    /** Sends each of {@code again} once more, as a client retrying would (the ledger must answer duplicates). */
    synchronized void resend(java.util.Collection<Command> again) {
        again.forEach(this::send);
    }

    /** commandId → records that carried it. */
    Map<String, Integer> recordsById() {
        Map<String, Integer> copy = new java.util.HashMap<>();
        records.forEach((id, n) -> copy.put(id, n.get()));
        return copy;
    }

    Map<String, Command> commands() {
        return Map.copyOf(commands);
    }

    long total() {
        return total.get();
    }

    List<String> shows() {
        return shows;
    }

    static Duration longestHold() {
        return Duration.ofSeconds(6);
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }
}
