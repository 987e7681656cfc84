package com.seatledger.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;

import com.seatledger.ledger.core.Ledger;
import com.seatledger.ledger.core.LedgerStore;
import com.seatledger.topics.message.CreateShow;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.SellSeats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The ledger's heap per show held in memory: N shows of S seats are created in a ledger core (over
 * a store that keeps nothing, so only the working state counts), a fifth of each show's seats held
 * in holds of 4 and a fifth sold; heap in use after full collections, before and after.
 * Also times CREATE_SHOW inside the core (the Kafka path is timed by {@code throughput}).
 */
@Command(name = "footprint", mixinStandardHelpOptions = true,
        description = "Heap per show held in the ledger's memory, and CREATE_SHOW time in the core.")
final class FootprintCommand implements Callable<Integer> {

    @Option(names = "--shows", defaultValue = "5")
    int shows;

    @Option(names = "--seats", defaultValue = "100000")
    int seats;

    /** Keeps nothing: the footprint measured is the in-memory state alone. */
    private static final class NoStore implements LedgerStore {
        @Override
        public byte[] get(String key) {
            return null;
        }

        @Override
        public void put(String key, byte[] value) {
        }

        @Override
        public void delete(String key) {
        }

        @Override
        public void scan(String from, String to, BiPredicate<String, byte[]> visitor) {
        }
    }

    /** Heap in use after full collections (G1's System.gc() is a full, stop-the-world collection). */
    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public Integer call() throws Exception {
        List<SeatDef> layout = Workloads.layout(seats);
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        Ledger ledger = new Ledger(new NoStore());
        long before = liveHeap();
        List<Long> createMillis = new ArrayList<>();
        int id = 0;
        for (int s = 0; s < shows; s++) {
            String show = "show-" + s;
            long t0 = System.nanoTime();
            ledger.decide(new CreateShow("c-" + id++, show, "admin", List.of("admin"), now, "Show " + s, null, layout,
                    null), now);
            createMillis.add((System.nanoTime() - t0) / 1_000_000);
            for (int i = 0; i + 4 <= seats / 5; i += 4) {
                List<String> ids = layout.subList(i, i + 4).stream().map(SeatDef::seatId).toList();
                ledger.decide(new HoldSeats("c-" + id++, show, "buyer-" + i, List.of("user"), now, "h-" + i, ids, null,
                        null, null), now);
            }
            for (int i = seats / 5; i + 4 <= 2 * seats / 5; i += 4) {
                List<String> ids = layout.subList(i, i + 4).stream().map(SeatDef::seatId).toList();
                ledger.decide(new SellSeats("c-" + id++, show, "admin", List.of("admin"), now, ids, "o-" + i), now);
            }
        }
        long grown = liveHeap() - before;
        System.out.printf("ledger heap per %,d-seat show (%d shows, 20%% held in holds of 4, 20%% sold): %,.1f MB%n",
                seats, shows, grown / (double) shows / (1 << 20));
        System.out.println("CREATE_SHOW in the core, ms per show: " + createMillis);
        if (ledger.reads().showCount() != shows) {
            throw new IllegalStateException("shows lost");
        }
        return 0;
    }
}
