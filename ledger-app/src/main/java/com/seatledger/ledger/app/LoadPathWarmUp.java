package com.seatledger.ledger.app;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.seatledger.ledger.core.Ledger;
import com.seatledger.ledger.core.MemoryStore;
import com.seatledger.topics.message.BestAvailable;
import com.seatledger.topics.message.ConfirmHold;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.Policy;
import com.seatledger.topics.message.SeatDef;

/**
 * A new ledger instance decides an on-sale's first command for a show only after loading that show
 * from its store (the checkpoint decoded, the journal after it replayed, the indexes built), on the
 * stream thread, and an opening sends its commands at once. The AOT cache's training run never
 * loaded a show (its one show is created during the run), so on a new instance that path started
 * interpreted: 793 ms for a 100,000-seat show with ~60,000 holds (docs/perf/log.md).
 *
 * <p>So a JVM that writes an AOT cache (the training runs) runs the path a few times on throwaway
 * shows in memory before its context is built: a show created, held (named seats, best
 * available) and partly sold until its journal has been checkpointed, then loaded by a second
 * ledger over the same store, as after a restart. The cache then holds the path's profiles, and an
 * instance started from it compiles the path as its classes initialise (-XX:+AOTCompileEagerly).
 * Every other start runs one tiny round in the background, only to initialise those classes now,
 * while Kafka Streams restores, rather than at the first command: running the full rounds there cost
 * a SIGKILLed ledger 0.5-1.5 s before it decided again. Nothing of it reaches Kafka or the real stores.
 */
final class LoadPathWarmUp {

    private static final Logger log = LoggerFactory.getLogger(LoadPathWarmUp.class);
    /** The training run's rounds: enough calls for the path's profiles to reach the optimising compiler. */
    static final Size TRAINING = new Size(4, 200, 4_000);
    /** Every other start's: each class of the path initialised once. */
    static final Size CLASSES = new Size(1, 10, 200);
    private static final int ROW_WIDTH = 50;
    private static final String SHOW = "warm-up";
    private static final List<String> USER = List.of("user");

    private LoadPathWarmUp() {
    }

    record Size(int rounds, int rows, int holds) {
    }

    /** Before the context is built: the full rounds in a training run, else a tiny one in the background. */
    static void start() {
        if (training()) {
            runAndLog(TRAINING);
        } else {
            Thread.ofPlatform().daemon().name("ledger-warm-up").start(() -> runAndLog(CLASSES));
        }
    }

    /** A JVM that writes an AOT cache ({@code -XX:AOTCacheOutput}, or the record mode) keeps profiles of what runs in it. */
    static boolean training() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:AOTCacheOutput") || a.startsWith("-XX:AOTMode=record"));
    }

    private static void runAndLog(Size size) {
        try {
            long started = System.nanoTime();
            Rounds done = run(size);
            log.info("load path warmed up: {} shows of {} seats loaded in memory after {} checkpoints ({} ms)",
                    done.loaded(), size.rows() * ROW_WIDTH, done.checkpoints(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // only a warm-up: the instance decides the same without it
            log.warn("load path warm-up failed: {}", e.toString());
        }
    }

    /** What the rounds did: shows loaded by the second ledgers (one a round), checkpoints the first ones wrote. */
    record Rounds(long loaded, long checkpoints) {
    }

    static Rounds run(Size size) {
        List<SeatDef> layout = layout(size.rows());
        long loaded = 0;
        long checkpoints = 0;
        for (int round = 0; round < size.rounds(); round++) {
            MemoryStore store = new MemoryStore();
            Ledger ledger = new Ledger(store);
            Instant now = Instant.now();
            ledger.decide(new CreateShow("w-create", SHOW, "warm-up", List.of("admin"), now, "Warm-up", null, layout,
                    new Policy(600, 3600, 10, false)), now);
            for (int i = 0; i < size.holds(); i++) {
                String id = "w-" + i;
                HoldSeats hold = i % 4 == 3
                        ? new HoldSeats(id, SHOW, "buyer-" + i, USER, now, "h-" + i, null,
                                new BestAvailable(layout.get(0).category(), 2, true), null, null)
                        : new HoldSeats(id, SHOW, "buyer-" + i, USER, now, "h-" + i,
                                List.of(layout.get((i * 2) % layout.size()).seatId()), null, null, null);
                if (ledger.decide(hold, now).result().outcome() == Outcome.ACCEPTED && i % 3 == 0) {
                    ledger.decide(new ConfirmHold("w-c-" + i, SHOW, "buyer-" + i, USER, now, "h-" + i, "o-" + i), now);
                }
            }
            checkpoints += ledger.reads().checkpointsWritten();
            Ledger restarted = new Ledger(store);
            restarted.decide(new HoldSeats("w-after", SHOW, "buyer-after", USER, now, "h-after",
                    List.of(layout.getLast().seatId()), null, null, null), now);
            loaded += restarted.showsLoaded();
        }
        return new Rounds(loaded, checkpoints);
    }

    private static List<SeatDef> layout(int rows) {
        List<SeatDef> seats = new ArrayList<>(rows * ROW_WIDTH);
        for (int r = 0; r < rows; r++) {
            for (int n = 1; n <= ROW_WIDTH; n++) {
                seats.add(new SeatDef(r + "-" + n, "S", "R" + r, n, r < rows / 2 ? "FRONT" : "BACK"));
            }
        }
        return seats;
    }
}
