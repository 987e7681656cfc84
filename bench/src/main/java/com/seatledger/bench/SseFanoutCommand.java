package com.seatledger.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import com.seatledger.harness.AppProcess;
import com.seatledger.harness.Stack;
import com.seatledger.harness.Tokens;
import com.seatledger.topics.json.Json;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Target "one change to 10,000 SSE clients": one api-app, thousands of seat-map clients of one show. For each client count: the
 * live heap each idle connection costs (full-GC class histograms of the api-app, before and after
 * connecting), then seat changes made through REST at a steady rate, and for every change and every
 * client the time from the ledger's acceptance (the hold's {@code createdAt}, the ledger's clock on
 * this machine) to the delta's arrival at that client. Every client must see every change once, in
 * seq order.
 */
@Command(name = "sse", mixinStandardHelpOptions = true,
        description = "SSE fan-out: acceptance to delta at every client, and heap per idle connection.")
final class SseFanoutCommand implements Callable<Integer> {

    @Mixin
    Bench.Common common = new Bench.Common();

    @Option(names = "--clients", split = ",", defaultValue = "1000,5000,10000", description = "client counts, one step each; default ${DEFAULT-VALUE}")
    List<Integer> steps;

    @Option(names = "--seats", defaultValue = "2000", description = "seats in the show (the snapshot each client gets); default ${DEFAULT-VALUE}")
    int seats;

    @Option(names = "--changes-per-second", defaultValue = "2", description = "REST holds per second while measuring; default ${DEFAULT-VALUE}")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "measured seconds per step; default ${DEFAULT-VALUE}")
    int seconds;

    @Option(names = "--connect-per-second", defaultValue = "500", description = "how fast clients connect; default ${DEFAULT-VALUE}")
    int connectRate;

    @Option(names = "--commit-interval-ms", defaultValue = Bench.SHIPPED_COMMIT_INTERVAL_MS, description = "the ledger's commit.interval.ms; default ${DEFAULT-VALUE}")
    int commitIntervalMs;

    @Option(names = "--api-heap", defaultValue = "3g", description = "api-app -Xmx; default ${DEFAULT-VALUE}")
    String apiHeap;

    record Step(int clients, int connected, double heapBytesPerConnection, int changes, long deliveries,
            long expectedDeliveries, long gaps, long repeats, long closedByServer, double p50, double p99,
            double p999, double max, List<String> heapByClass) {
    }

    record Report(Instant at, String machine, int seats, int changesPerSecond, int commitIntervalMs, long baselineHeapBytes,
            List<Step> steps) {
    }

    private static final int API_PORT_OFFSET = 100;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(common.work);
        List<Step> results = new ArrayList<>();
        long baseline;
        try (Stack stack = Stack.start(common.kafkaClasspath(), Path.of(""), common.work, common.brokerPort, 1)) {
            stack.startLedger(commitIntervalMs);
            int port = common.brokerPort + API_PORT_OFFSET + 10;
            String api = "http://localhost:" + port;
            AppProcess app = stack.startApi("api-app-sse", port, "-Xmx" + apiHeap,
                    "--seatledger.sse.max-connections=" + (steps.stream().mapToInt(i -> i).max().orElse(0) + 100))
                    .awaitHealthy(Duration.ofSeconds(120));
            String show = "sse-fanout";
            Stack.createShow(api, show, Workloads.layout(seats));
            Changes changes = new Changes(api, show);
            changes.make(rate, 10); // warm-up: JIT of the REST and SSE paths
            HeapHistogram before = HeapHistogram.of(app.pid());
            baseline = before.totalBytes();
            System.out.printf("api-app live heap with no stream open: %.1f MB%n", baseline / 1e6);
            SseClients clients = new SseClients(URI.create(api + "/api/shows/" + show + "/events"));
            for (int target : steps) {
                results.add(step(app, before, clients, changes, target));
            }
            clients.close();
        }
        Report report = new Report(Instant.now(), Machine.here().toString(), seats, rate, commitIntervalMs, baseline, results);
        Files.createDirectories(common.out);
        Files.write(common.out.resolve("sse.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        Plots.sse(report, common.out.resolve("sse.png"));
        // every client must get its snapshot, stay connected and see every change once, in order
        List<Step> failed = results.stream().filter(s -> s.connected() < s.clients() || s.closedByServer() > 0
                || s.gaps() > 0 || s.repeats() > 0 || s.deliveries() < s.expectedDeliveries()).toList();
        failed.forEach(s -> System.out.printf("FAILED at %,d clients: %,d with a snapshot, %d closed, %d gaps, %d repeats, "
                + "%,d of %,d deliveries%n", s.clients(), s.connected(), s.closedByServer(), s.gaps(), s.repeats(),
                s.deliveries(), s.expectedDeliveries()));
        return failed.isEmpty() ? 0 : 1;
    }

    private Step step(AppProcess app, HeapHistogram before, SseClients clients, Changes changes, int target)
            throws Exception {
        try (ProgressBar bar = new ProgressBar("connecting " + target, target)) {
            long t0 = System.nanoTime();
            long period = 1_000_000_000L / connectRate;
            for (int i = clients.size(); i < target; i++) {
                LockSupport.parkNanos(t0 + (long) (i - clients.size()) * period - System.nanoTime());
                clients.open();
                bar.stepTo(i + 1);
            }
        }
        int connected = clients.awaitSnapshots(target, Duration.ofSeconds(120));
        HeapHistogram after = HeapHistogram.of(app.pid());
        double perConnection = (after.totalBytes() - before.totalBytes()) / (double) connected;
        List<String> byClass = after.minus(before).top(12, connected);
        System.out.printf("%,d clients (%,d with a snapshot): %.1f KB live heap per idle connection; largest shares:%n",
                target, connected, perConnection / 1024);
        byClass.forEach(line -> System.out.println("  " + line));

        long firstSeq = changes.make(rate, seconds);
        long lastSeq = changes.lastSeq();
        clients.awaitSeq(lastSeq, Duration.ofSeconds(60));
        Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        SseClients.Tally t = clients.tally(firstSeq, lastSeq, changes.acceptedAtMicros(), h);
        int made = rate * seconds;
        Step s = new Step(target, connected, perConnection, made, t.deliveries(), (long) made * connected, t.gaps(),
                t.repeats(), t.closed(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), byClass);
        System.out.printf("%,d clients: %d changes, %,d of %,d deliveries, gaps %d, repeats %d, closed %d; "
                + "acceptance to delta p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n", target, made,
                s.deliveries(), s.expectedDeliveries(), s.gaps(), s.repeats(), s.closedByServer(), s.p50(), s.p99(),
                s.p999(), s.max());
        clients.closeReasons().forEach((why, n) -> System.out.printf("  closed %,d: %s%n", n, why));
        return s;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** Seat changes made as buyers would: one-seat REST holds, each remembered by seq with its acceptance time. */
    private final class Changes {
        private final URI holds;
        private final Map<Long, Long> acceptedAtMicros = new ConcurrentHashMap<>();
        private int next;
        private long lastSeq;

        Changes(String api, String show) {
            this.holds = URI.create(api + "/api/shows/" + show + "/holds");
        }

        /** Makes {@code perSecond × seconds} changes, one at a time on a fixed schedule; returns the first seq. */
        long make(int perSecond, int seconds) throws Exception {
            long first = -1;
            long t0 = System.nanoTime();
            for (int i = 0; i < perSecond * seconds; i++) {
                LockSupport.parkNanos(t0 + i * 1_000_000_000L / perSecond - System.nanoTime());
                int seat = next++;
                if (seat >= seats) {
                    throw new IllegalStateException("the show has run out of seats: use --seats");
                }
                HttpResponse<String> r = Stack.HTTP.send(
                        Workloads.oneSeatHold(holds, seat, Tokens.token("fan-" + seat), "fan-" + seat),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("hold " + seat + ": " + r.statusCode() + " " + r.body());
                }
                JsonNode hold = Json.MAPPER.readTree(r.body());
                long seq = hold.path("seq").asLong();
                Instant createdAt = Instant.parse(hold.path("createdAt").asString());
                acceptedAtMicros.put(seq, TimeUnit.SECONDS.toMicros(createdAt.getEpochSecond()) + createdAt.getNano() / 1000);
                first = first < 0 ? seq : first;
                lastSeq = Math.max(lastSeq, seq);
            }
            return first;
        }

        long lastSeq() {
            return lastSeq;
        }

        Map<Long, Long> acceptedAtMicros() {
            return acceptedAtMicros;
        }
    }
}
