package com.seatledger.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.seatledger.ledger.core.Decision;
import com.seatledger.ledger.core.Ledger;
import com.seatledger.ledger.core.MemoryStore;
import com.seatledger.topics.message.AreaDef;
import com.seatledger.topics.message.AreaQuantity;
import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.ChannelDef;
import com.seatledger.topics.message.Command;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.ExtendHold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.ReleaseHold;
import com.seatledger.topics.message.ResultCode;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SeatStatus;

/**
 * Command streams for the throughput runs. Each is planned against the ledger's own core on
 * in-memory tables (the oracle), so the generator knows which holds exist, can aim at free or
 * contended seats on purpose, and the run can check the streamed decisions against the oracle's.
 */
final class Workloads {

    static final String SHOW = "bench-show";
    static final int ROW_WIDTH = 50;
    static final List<String> CATEGORIES = List.of("PREMIUM", "STANDARD", "ECONOMY");
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    /**
     * A planned run: the commands in order (the CREATE first), the oracle's result per command, and
     * the oracle's final seat map (status per seat, seq) for checking what readers serve.
     */
    record Workload(String name, String showId, int seats, List<Command> commands, List<CommandResult> expected,
            Map<String, SeatStatus> finalSeats, long finalSeq) {
        Map<ResultCode, Integer> codes() {
            Map<ResultCode, Integer> m = new EnumMap<>(ResultCode.class);
            expected.forEach(r -> m.merge(r.code(), 1, Integer::sum));
            return m;
        }
    }

    private final String name;
    private final String show;
    private final int seats;
    private final int rows;
    private final Random rnd;
    private final Ledger oracle = new Ledger(new MemoryStore());
    private final List<Command> commands = new ArrayList<>();
    private final List<CommandResult> expected = new ArrayList<>();
    private final List<HoldSeats> active = new ArrayList<>();
    private Instant now = T0;
    private int ids;

    private Workloads(String name, int seats, long seed) {
        this(name, SHOW, seats, seed);
    }

    private Workloads(String name, String show, int seats, long seed) {
        this(name, show, seats, seed, List.of());
    }

    private Workloads(String name, String show, int seats, long seed, List<AreaDef> areas) {
        this(name, show, layout(seats), seed, areas, List.of());
    }

    private Workloads(String name, String show, List<SeatDef> layout, long seed, List<AreaDef> areas,
            List<ChannelDef> channels) {
        this.name = name;
        this.show = show;
        this.seats = layout.size();
        this.rows = seats / ROW_WIDTH;
        this.rnd = new Random(seed);
        // 600 s holds never expire during a run; the admin limit would not apply to buyers anyway
        decide(new CreateShow(nextId(), show, "admin", List.of("admin"), now, "Bench " + seats, null, layout,
                new Policy(600, 3600, 10, false), areas, channels));
    }

    /** The presale channel of {@link #bestAsking}: the front {@value #PRESALE_ROWS} rows (PREMIUM and STANDARD). */
    static final String PRESALE = "presale";
    static final int PRESALE_ROWS = 600;

    /**
     * {@link #layout} with what a real venue has: every row's end seats on the aisle, in every tenth
     * row two wheelchair spaces at the start with two companion seats next to them, the back twentieth
     * of the rows with a restricted view.
     */
    static List<SeatDef> accessibleLayout(int seats) {
        int rows = seats / ROW_WIDTH;
        List<SeatDef> out = new ArrayList<>(seats);
        for (SeatDef d : layout(seats)) {
            int r = out.size() / ROW_WIDTH;
            int n = d.number();
            List<String> a = new ArrayList<>(2);
            if (r % 10 == 5 && n <= 2) {
                a.add("WHEELCHAIR");
            } else if (r % 10 == 5 && n <= 4) {
                a.add("COMPANION");
            }
            if (n == 1 || n == ROW_WIDTH) {
                a.add("AISLE");
            }
            if (r >= rows - rows / 20) {
                a.add("RESTRICTED_VIEW");
            }
            out.add(new SeatDef(d.seatId(), d.section(), d.row(), d.number(), d.category(), a));
        }
        return out;
    }

    /** How the best-available holds of {@link #bestWithAttributes} and {@link #bestInChannel} ask. */
    enum Asking {
        /** Cycling through avoid RESTRICTED_VIEW, require AISLE, a wheelchair space with a companion, plain. */
        ATTRIBUTES,
        /** Within the presale channel, by a buyer of it. */
        CHANNEL
    }

    /**
     * Best-available holds on the {@link #accessibleLayout} show with the presale channel, asking as
     * {@code asking} says; buyers hold the presale channel, so explicit holds compare on equal terms.
     */
    static Workload bestAsking(int seats, int n, Asking asking, long seed) {
        List<String> presaleSeats = new ArrayList<>();
        for (int r = 0; r < PRESALE_ROWS; r++) {
            for (int k = 1; k <= ROW_WIDTH; k++) {
                presaleSeats.add(seatId(r, k));
            }
        }
        Workloads w = new Workloads("best-available holds " + (asking == Asking.CHANNEL ? "in a channel"
                : "with require/avoid") + ", " + seats + " seats", SHOW, accessibleLayout(seats), seed, List.of(),
                List.of(new ChannelDef(PRESALE, "Presale", presaleSeats, List.of())));
        while (w.commands.size() < n) {
            String category = CATEGORIES.get(w.rnd.nextInt(CATEGORIES.size()));
            int quantity = 1 + w.rnd.nextInt(4);
            BestAvailable want = asking == Asking.CHANNEL
                    ? new BestAvailable(CATEGORIES.get(w.rnd.nextInt(2)), quantity, true, PRESALE, List.of(), List.of(), null)
                    : switch (w.commands.size() % 4) {
                        case 0 -> new BestAvailable(category, quantity, true, null, List.of(), List.of("RESTRICTED_VIEW"), null);
                        case 1 -> new BestAvailable(category, 1, true, null, List.of("AISLE"), List.of(), null);
                        case 2 -> new BestAvailable(category, 1, true, null, List.of("WHEELCHAIR"), List.of(), 1);
                        default -> new BestAvailable(category, quantity, true);
                    };
            String id = w.nextId();
            HoldSeats h = new HoldSeats(id, w.show, "buyer-" + w.rnd.nextInt(50_000), List.of("user"), w.now, "h-" + id,
                    null, want, null, null, null, List.of(PRESALE));
            if (w.decide(h).outcome() == Outcome.ACCEPTED) {
                w.active.add(h);
            }
        }
        return w.done();
    }

    /**
     * A general-admission rush: {@code n} holds of 1-4 places on one standing area of {@code places}
     * (beside a {@code seats}-seat layout); the first few thousand fill it, the rest are AREA_FULL.
     */
    static Workload gaRush(int seats, int places, int n, long seed) {
        Workloads w = new Workloads("GA rush, " + n + " holds on " + places + " places", SHOW, seats, seed,
                List.of(new AreaDef("FLOOR", "Standing floor", "GA", places)));
        while (w.commands.size() < n) {
            String id = w.nextId();
            w.decide(new HoldSeats(id, w.show, "buyer-" + w.rnd.nextInt(50_000), List.of("user"), w.now, "h-" + id,
                    null, null, null, null, List.of(new AreaQuantity("FLOOR", 1 + w.rnd.nextInt(4)))));
        }
        return w.done();
    }

    /** Rows of 50 in sections of 100 rows; the front tenth PREMIUM, up to half STANDARD, the rest ECONOMY. */
    static List<SeatDef> layout(int seats) {
        int rows = seats / ROW_WIDTH;
        List<SeatDef> layout = new ArrayList<>(seats);
        int sectionRows = Math.min(rows, 100);
        for (int r = 0; r < rows; r++) {
            String section = "S" + (r / sectionRows);
            String row = "R" + (r % sectionRows);
            String category = CATEGORIES.get(r < rows / 10 ? 0 : r < rows / 2 ? 1 : 2);
            for (int n = 1; n <= ROW_WIDTH; n++) {
                layout.add(new SeatDef(seatId(r, n), section, row, n, category));
            }
        }
        return layout;
    }

    /** A buyer's REST hold of the {@code seat}-th seat of a {@link #layout} show, as the latency and SSE runs make them. */
    static java.net.http.HttpRequest oneSeatHold(java.net.URI holds, int seat, String token, String idempotencyKey) {
        return java.net.http.HttpRequest.newBuilder(holds).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .timeout(java.time.Duration.ofSeconds(30))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(oneSeatHoldBody(seat))).build();
    }

    /** The JSON body of {@link #oneSeatHold}: one seat, by its number in the layout. */
    static String oneSeatHoldBody(int seat) {
        return "{\"seatIds\":[\"" + seatId(seat / ROW_WIDTH, seat % ROW_WIDTH + 1) + "\"]}";
    }

    static String seatId(int row, int number) {
        return row + "-" + number;
    }

    /**
     * The on-sale mix: explicit holds of 1-4 seats aimed at the front rows (so many collide),
     * best-available holds, confirms, releases and extends of live holds, and client retries.
     */
    static Workload onSaleMix(int seats, int n, long seed) {
        Workloads w = new Workloads("on-sale mix, " + seats + " seats", seats, seed);
        while (w.commands.size() < n) {
            int dice = w.rnd.nextInt(100);
            if (dice < 40 || w.active.isEmpty()) {
                w.explicitHold(w.frontHeavyRow(), false);
            } else if (dice < 55) {
                w.bestHold();
            } else if (dice < 70) {
                w.confirm();
            } else if (dice < 82) {
                w.release();
            } else if (dice < 95) {
                w.extend();
            } else {
                w.retry();
            }
        }
        return w.done();
    }

    /** Holds that are all accepted (aimed at free seats), each released 50 holds later: seats recycle. */
    static Workload holdRelease(int seats, int n, long seed) {
        return holdRelease(SHOW, seats, n, seed);
    }

    static Workload holdRelease(String showId, int seats, int n, long seed) {
        Workloads w = new Workloads("hold + release, " + seats + " seats", showId, seats, seed);
        while (w.commands.size() < n) {
            w.explicitHold(w.rnd.nextInt(w.rows), true);
            if (w.active.size() > 50) {
                w.releaseOldest();
            }
        }
        return w.done();
    }

    /** Only holds, best available or explicit free seats: the house fills front to back. */
    static Workload holdsOnly(int seats, int n, boolean best, long seed) {
        Workloads w = new Workloads((best ? "best-available" : "explicit") + " holds, " + seats + " seats", seats, seed);
        while (w.commands.size() < n) {
            if (best) {
                w.bestHold();
            } else {
                w.explicitHold(w.frontHeavyRow(), true);
            }
        }
        return w.done();
    }

    private Workload done() {
        Map<String, SeatStatus> finalSeats = new HashMap<>(seats * 2);
        for (int r = 0; r < rows; r++) {
            for (int n = 1; n <= ROW_WIDTH; n++) {
                finalSeats.put(seatId(r, n), oracle.reads().status(show, seatId(r, n)));
            }
        }
        return new Workload(name, show, seats, List.copyOf(commands), List.copyOf(expected), finalSeats,
                oracle.reads().seq(show));
    }

    private int frontHeavyRow() {
        return (int) (rows * Math.pow(rnd.nextDouble(), 3));
    }

    private void explicitHold(int row, boolean free) {
        int k = 1 + rnd.nextInt(4);
        List<String> ids = null;
        for (int attempt = 0; attempt < 50 && ids == null; attempt++) {
            int r = attempt == 0 ? row : free ? rnd.nextInt(rows) : row;
            int start = 1 + rnd.nextInt(ROW_WIDTH - k + 1);
            List<String> candidate = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                candidate.add(seatId(r, start + i));
            }
            if (!free || candidate.stream().allMatch(this::isAvailable)) {
                ids = candidate;
            }
        }
        if (ids != null) {
            hold(ids, null);
        }
    }

    private void bestHold() {
        String category = CATEGORIES.get(rnd.nextInt(CATEGORIES.size()));
        hold(null, new BestAvailable(category, 1 + rnd.nextInt(4), true));
    }

    private boolean isAvailable(String seatId) {
        return oracle.reads().status(show, seatId) == SeatStatus.AVAILABLE;
    }

    private void hold(List<String> seatIds, BestAvailable best) {
        String id = nextId();
        HoldSeats h = new HoldSeats(id, show, "buyer-" + rnd.nextInt(50_000), List.of("user"), now, "h-" + id, seatIds,
                best, null, null);
        if (decide(h).outcome() == Outcome.ACCEPTED) {
            active.add(h);
        }
    }

    private HoldSeats takeActive(boolean remove) {
        int i = rnd.nextInt(active.size());
        HoldSeats h = active.get(i);
        if (remove) {
            active.set(i, active.get(active.size() - 1));
            active.remove(active.size() - 1);
        }
        return h;
    }

    private void confirm() {
        HoldSeats h = takeActive(true);
        decide(new ConfirmHold(nextId(), show, h.actor(), h.roles(), now, h.holdId(), "o-" + h.holdId()));
    }

    private void release() {
        HoldSeats h = takeActive(true);
        decide(new ReleaseHold(nextId(), show, h.actor(), h.roles(), now, h.holdId()));
    }

    private void releaseOldest() {
        HoldSeats h = active.remove(0);
        decide(new ReleaseHold(nextId(), show, h.actor(), h.roles(), now, h.holdId()));
    }

    private void extend() {
        HoldSeats h = takeActive(false);
        decide(new ExtendHold(nextId(), show, h.actor(), h.roles(), now, h.holdId(), 900));
    }

    /** A client that did not see its answer sends the same command again: a duplicate result. */
    private void retry() {
        decide(commands.get(1 + rnd.nextInt(commands.size() - 1)));
    }

    private CommandResult decide(Command c) {
        Decision d = oracle.decide(c, now);
        now = now.plusMillis(1);
        commands.add(c);
        expected.add(d.result());
        return d.result();
    }

    private String nextId() {
        return "c" + (ids++);
    }
}
