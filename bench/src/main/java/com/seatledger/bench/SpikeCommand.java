package com.seatledger.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import com.seatledger.harness.LocalCluster;
import com.seatledger.harness.Stack;
import com.seatledger.harness.Tokens;
import com.seatledger.topics.json.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Targets "a freshly started stack put under 1,000 holds/s at once" and "offered load stepped to
 * 2 x an instance's capacity and back": REST one-seat holds offered in steps of fixed rates (open
 * model, latency from when each request was due) to a stack started for the run, reported per
 * window: how many requests got a decision (2xx, or a 4xx of the ledger's), how many were refused
 * (503/429, Retry-After), how many got no answer within the client's timeout, the decisions' p50 and
 * p99, and each process's CPU per decision. With no warm-up (the default) the first window is the
 * first 10 s of a new stack, JIT and all.
 */
@Command(name = "spike", mixinStandardHelpOptions = true,
        description = "An on-sale opening on a new stack (default), or an overload step (--warmup-seconds 60 "
                + "--steps 1000:30,2000:30,1000:30): answered / refused / timed out and p50/p99 per window.")
final class SpikeCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    Bench.Common common = new Bench.Common();

    @Option(names = "--steps", split = ",", defaultValue = "1000:180",
            description = "offered holds/s and for how many seconds, in order; default ${DEFAULT-VALUE}")
    List<String> steps;

    @Option(names = "--warmup-seconds", defaultValue = "0",
            description = "load at the first step's rate before the measured steps (0: a cold start); default ${DEFAULT-VALUE}")
    int warmupSeconds;

    @Option(names = "--window-seconds", defaultValue = "10", description = "reporting window; default ${DEFAULT-VALUE}")
    int windowSeconds = 10;

    @Option(names = "--show-seats", defaultValue = "100000",
            description = "seats per show (more shows of this size when the run needs more); default ${DEFAULT-VALUE}")
    int showSeats = 100_000;

    @Option(names = "--partitions", defaultValue = "12")
    int partitions = 12;

    @Option(names = "--connections", defaultValue = "1000",
            description = "keep-alive connections of the load generator (buyers' browsers); default ${DEFAULT-VALUE}")
    int connections = 1_000;

    @Option(names = "--timeout-seconds", defaultValue = "30",
            description = "a request unanswered this long after it was due counts as timed out; default ${DEFAULT-VALUE}")
    int timeoutSeconds = 30;

    @Option(names = "--name", defaultValue = "spike", description = "results file docs/perf/<name>.json; default ${DEFAULT-VALUE}")
    String name = "spike";

    @Option(names = "--new-api", description = "after the warm-up, replace the api-app by a new instance and put it under the"
            + " measured steps at once: an instance added to a warm broker and ledger (the on-sale's autoscaling)")
    boolean newApi;

    @Option(names = "--new-ledger", description = "after the warm-up, replace the ledger by a new instance (a fresh state"
            + " directory: it restores from the changelogs) before the measured steps; with --new-api: new instances"
            + " of both apps on a warm broker (an on-sale opening on new instances)")
    boolean newLedger;

    @Option(names = "--new-ramp", description = "with --new-api/--new-ledger: load offered to the new instances before the"
            + " measured steps and not measured (holds/s:seconds, e.g. 100:5): what letting new instances take a little"
            + " traffic first buys")
    String newRamp;

    @Option(names = "--new-ramp-invalid", description = "the --new-ramp requests name a seat id the api-app refuses itself"
            + " (400 before anything is sent to Kafka): what warming the HTTP, security, JSON and validation code alone buys")
    boolean newRampInvalid;

    @Option(names = "--floor", description = "the bare floor instead of the stack: a new broker and a new JVM running"
            + " the one-get-one-put EOS processor, its requests sent by a producer and its replies read by a read_committed"
            + " consumer; what Kafka alone reaches on this machine in its first seconds (with --warmup-seconds and"
            + " --new-ledger: a new processor instance on a warm broker)")
    boolean floor;

    @Option(names = "--api-arg", description = "extra api-app argument, e.g. --api-arg=--seatledger.admission.enabled=false")
    List<String> apiArgs = new ArrayList<>();

    record Step(int rate, int seconds) {
        static Step parse(String s) {
            String[] p = s.split(":");
            return new Step(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        }
    }

    /** One reporting window, by when its requests were due. */
    record Window(int fromSecond, int offeredPerSecond, long offered, long decided, long refused, long timedOut,
            long other, double p50, double p99, double max, double refusedP99, Map<String, Double> cpuMicrosPerDecision) {
    }

    /**
     * The windows {@code [fromSecond, toSecond)} of the measured steps taken together: the target of a
     * new stack is about its whole first 30 s, and its warm reference is the same run once the JIT is done;
     * after a warm-up, each step whole.
     */
    record Span(int fromSecond, int toSecond, long offered, long decided, long refused, long timedOut, double p50,
            double p99) {
    }

    record Report(Instant at, String machine, String scenario, List<Window> windows, List<Span> spans) {
    }

    private static final int ACTORS = 10_000;

    /** Where the buyers' holds go: a stack's REST API, or the bare floor's topics. */
    private interface Target<R> {
        /** the request numbered {@code i}, built before it is due */
        R prepare(long i);

        /** sends a prepared request; {@code onStatus} gets its HTTP status (or {@link RawHttp#NO_ANSWER}) */
        void send(R prepared, IntConsumer onStatus);
    }

    /** Counters and histograms of one window. */
    /** a new stack's target is about its first 30 s; what follows its first minute is its warm reference */
    private static final int FIRST_SECONDS = 30;
    private static final int WARM_AFTER_SECONDS = 60;

    private static final class Tally {
        final Histogram decided = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
        final Histogram refused = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
        final AtomicLong offered = new AtomicLong();
        final AtomicLong timedOut = new AtomicLong();
        final AtomicLong other = new AtomicLong();
        int rate;
        Map<String, Double> cpuMillis = Map.of();
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(common.work);
        List<Step> plan = new ArrayList<>();
        List<Step> measured = steps.stream().map(Step::parse).toList();
        if (warmupSeconds > 0) {
            plan.add(new Step(measured.getFirst().rate(), warmupSeconds));
        }
        plan.addAll(measured);
        Step ramp = newRamp == null ? null : Step.parse(newRamp);
        long total = plan.stream().mapToLong(s -> (long) s.rate() * s.seconds()).sum()
                + (ramp == null ? 0 : (long) ramp.rate() * ramp.seconds());
        int seats = (showSeats / Workloads.ROW_WIDTH) * Workloads.ROW_WIDTH;
        int shows = (int) ((total + seats - 1) / seats);
        List<String> tokens = new ArrayList<>(ACTORS);
        for (int i = 0; i < ACTORS; i++) {
            tokens.add(Tokens.token("buyer-" + i));
        }
        String replaced = (newApi && newLedger ? "new instances of both apps, " : newApi ? "a new api-app, "
                : newLedger ? "a new ledger, " : "") + (!(newApi || newLedger) ? "" : ramp == null ? "at once: "
                : "after " + newRamp + (newRampInvalid ? " invalid holds" : "") + " (not measured): ");
        String scenario = floor ? (warmupSeconds == 0 ? "the bare floor on a new broker, at once: " : "the bare floor, warm-up "
                + warmupSeconds + " s, then " + (newLedger ? "a new processor, at once: " : "")) + String.join(", ", steps)
                + " (requests/s:seconds)"
                : (warmupSeconds == 0 ? "a new stack, at once: " : "warm-up " + warmupSeconds + " s, then " + replaced)
                + String.join(", ", steps) + " (holds/s:seconds); " + shows + " show(s) of " + seats + " seats";
        System.out.println("[spike] " + scenario);
        List<Tally> tallies = floor ? floor(plan, measured) : stack(plan, measured, ramp, tokens, seats, shows);
        List<Window> windows = windows(tallies);
        boolean fromCold = warmupSeconds == 0 || newApi || newLedger;
        int skip = fromCold ? 0 : warmupSeconds / windowSeconds;
        List<Window> shown = windows.subList(Math.min(skip, windows.size()), windows.size());
        System.out.println("[spike] " + scenario + "; windows by when their requests were due:");
        System.out.println("   from  offered/s  decided  refused  timed-out  other   p50 ms   p99 ms   max ms  refused p99 ms"
                + "  CPU µs per decision");
        for (Window w : shown) {
            System.out.printf("%6d s %9d %8d %8d %10d %6d %8.0f %8.0f %8.0f %15.1f  %s%n", w.fromSecond(),
                    w.offeredPerSecond(), w.decided(), w.refused(), w.timedOut(), w.other(), w.p50(), w.p99(), w.max(),
                    w.refusedP99(), format(w.cpuMicrosPerDecision()));
        }
        List<Span> spans = new ArrayList<>();
        int measuredSeconds = shown.size() * windowSeconds;
        if (fromCold && measuredSeconds >= FIRST_SECONDS) {
            spans.add(span(tallies.subList(0, (FIRST_SECONDS + windowSeconds - 1) / windowSeconds), 0, FIRST_SECONDS));
            if (measuredSeconds >= WARM_AFTER_SECONDS + FIRST_SECONDS && WARM_AFTER_SECONDS % windowSeconds == 0) {
                // the same run's warm reference: what follows its first minute (most of the compiling)
                spans.add(span(tallies.subList(WARM_AFTER_SECONDS / windowSeconds, tallies.size()), WARM_AFTER_SECONDS,
                        measuredSeconds));
            }
        }
        if (!fromCold) {
            // each measured step taken whole: an overload's share is the decided rate of the 2 x step over that
            // of a step that already saturated the instance, not over its luckiest window
            int from = warmupSeconds;
            for (Step step : measured) {
                int to = from + step.seconds();
                if (from % windowSeconds == 0 && to % windowSeconds == 0 && to / windowSeconds <= tallies.size()) {
                    spans.add(span(tallies.subList(from / windowSeconds, to / windowSeconds), from, to));
                }
                from = to;
            }
        }
        for (Span p : spans) {
            System.out.printf("[spike] seconds %d-%d together: %d offered, %d decided (%.1f %%; %.0f /s), %d refused, "
                    + "%d timed out; decisions p50 %.0f ms, p99 %.0f ms%n", p.fromSecond(), p.toSecond(), p.offered(),
                    p.decided(), 100.0 * p.decided() / p.offered(), (double) p.decided() / (p.toSecond() - p.fromSecond()),
                    p.refused(), p.timedOut(), p.p50(), p.p99());
        }
        Files.createDirectories(common.out);
        Files.write(common.out.resolve(name + ".json"), Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new Report(Instant.now(), Machine.here().toString(), scenario, shown, spans)));
        return 0;
    }

    /** A new stack (broker and both apps), the shows created, then {@code plan}'s load through the REST API. */
    private List<Tally> stack(List<Step> plan, List<Step> measured, Step ramp, List<String> tokens, int seats, int shows)
            throws Exception {
        try (Stack stack = Stack.start(common.kafkaClasspath(), Path.of(""), common.work, common.brokerPort, partitions)) {
            stack.startLedger(Bench.SHIPPED_COMMIT_INTERVAL);
            stack.startApi(apiArgs.toArray(String[]::new));
            for (int s = 0; s < shows; s++) {
                stack.createShow("spike-" + s, Workloads.layout(seats));
            }
            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put("api-app", stack.apiPid());
            pids.put("ledger", stack.ledgerPid());
            pids.put("broker", stack.brokers.node(0).pid());
            pids.put("load generator", ProcessHandle.current().pid());
            if ((newApi || newLedger) && warmupSeconds > 0) {
                try (RawHttp http = new RawHttp(URI.create(stack.api()), connections)) {
                    offer(holds(http, tokens, seats), plan.subList(0, 1), pids, 0);
                }
                if (newApi) {
                    stack.stopApi();
                }
                if (newLedger) {
                    stack.stopLedger();
                    stack.startLedger(Bench.SHIPPED_COMMIT_INTERVAL);
                    pids.put("ledger", stack.ledgerPid());
                }
                if (newApi) {
                    stack.startApi(apiArgs.toArray(String[]::new));
                    pids.put("api-app", stack.apiPid());
                }
                long first = (long) plan.getFirst().rate() * warmupSeconds;
                try (RawHttp http = new RawHttp(URI.create(stack.api()), connections)) {
                    if (ramp != null) {
                        offer(newRampInvalid ? invalidHolds(http, tokens) : holds(http, tokens, seats), List.of(ramp), pids,
                                first);
                        first += (long) ramp.rate() * ramp.seconds();
                    }
                    return offer(holds(http, tokens, seats), measured, pids, first);
                }
            }
            try (RawHttp http = new RawHttp(URI.create(stack.api()), connections)) {
                return offer(holds(http, tokens, seats), plan, pids, 0);
            }
        }
    }

    /** Holds of a seat id that breaks the id grammar: answered 400 by the api-app itself, nothing reaches Kafka. */
    private static Target<byte[]> invalidHolds(RawHttp http, List<String> tokens) {
        return holds(http, tokens, "w-", i -> "spike-0", i -> "{\"seatIds\":[\"!\"]}");
    }

    /** One-seat holds through the REST API, each of its own buyer and idempotency key. */
    private static Target<byte[]> holds(RawHttp http, List<String> tokens, int seats) {
        return holds(http, tokens, "s-", i -> "spike-" + (i / seats), i -> Workloads.oneSeatHoldBody((int) (i % seats)));
    }

    /** Hold {@code i}: buyer {@code i} of {@code tokens} (round robin), idempotency key {@code keyPrefix + i}. */
    private static Target<byte[]> holds(RawHttp http, List<String> tokens, String keyPrefix, LongFunction<String> show,
            LongFunction<String> body) {
        return new Target<>() {
            @Override
            public byte[] prepare(long i) {
                return http.post("/api/shows/" + show.apply(i) + "/holds", List.of("Authorization: Bearer "
                        + tokens.get((int) (i % tokens.size())), "Idempotency-Key: " + keyPrefix + i), body.apply(i));
            }

            @Override
            public void send(byte[] prepared, IntConsumer onStatus) {
                http.send(prepared, onStatus);
            }
        };
    }

    /**
     * A new broker and a new JVM running the bare floor's processor; once one request has made the
     * round trip (as a stack's show creation did), {@code plan}'s load at once. With a warm-up and
     * {@code --new-ledger}: after the warm-up a new processor instance in its place (a fresh state
     * directory, as a new ledger has), then the measured steps at once.
     */
    private List<Tally> floor(List<Step> plan, List<Step> measured) throws Exception {
        String app = "bench-floor-" + System.nanoTime();
        Path state = common.work.resolve("floor-state");
        try (LocalCluster broker = LocalCluster.start(common.kafkaClasspath(), common.work, common.brokerPort, 1)) {
            FloorProcess processor = FloorProcess.start(broker.bootstrap(), state, Bench.SHIPPED_COMMIT_INTERVAL, app, true);
            try (BareFloor client = BareFloor.client(broker.bootstrap())) {
                CompletableFuture<Integer> first = new CompletableFuture<>();
                client.send(Integer.MAX_VALUE, first::complete);
                first.get(60, TimeUnit.SECONDS);
                Map<String, Long> pids = new LinkedHashMap<>();
                pids.put("floor processor", processor.pid());
                pids.put("broker", broker.node(0).pid());
                pids.put("load generator", ProcessHandle.current().pid());
                Target<Integer> requests = new Target<>() {
                    @Override
                    public Integer prepare(long i) {
                        return (int) i;
                    }

                    @Override
                    public void send(Integer prepared, IntConsumer onStatus) {
                        client.send(prepared, onStatus);
                    }
                };
                if (newLedger && warmupSeconds > 0) {
                    offer(requests, plan.subList(0, 1), pids, 0);
                    processor.close();
                    processor = FloorProcess.start(broker.bootstrap(), state, Bench.SHIPPED_COMMIT_INTERVAL, app, false);
                    pids.put("floor processor", processor.pid());
                    return offer(requests, measured, pids, (long) plan.getFirst().rate() * warmupSeconds);
                }
                return offer(requests, plan, pids, 0);
            } finally {
                processor.close();
            }
        }
    }

    /**
     * Offers {@code plan}'s load, its requests numbered from {@code first} (their seats and idempotency
     * keys); returns what happened in each window.
     */
    private <R> List<Tally> offer(Target<R> target, List<Step> plan, Map<String, Long> pids, long first) throws Exception {
        long windowNanos = TimeUnit.SECONDS.toNanos(windowSeconds);
        int seconds = plan.stream().mapToInt(Step::seconds).sum();
        List<Tally> tallies = new ArrayList<>();
        for (int w = 0; w < (seconds + windowSeconds - 1) / windowSeconds; w++) {
            tallies.add(new Tally());
        }
        long n = plan.stream().mapToLong(s -> (long) s.rate() * s.seconds()).sum();
        CountDownLatch answered = new CountDownLatch((int) n);
        long timeoutMicros = TimeUnit.SECONDS.toMicros(timeoutSeconds);
        long t0 = System.nanoTime() + 50_000_000;
        // each window's CPU, sampled when its last request was due
        Thread sampler = Thread.ofPlatform().daemon().name("spike-cpu").start(() -> {
            for (Tally t : tallies) {
                CpuMeter cpu = new CpuMeter(pids);
                LockSupport.parkNanos(windowNanos);
                t.cpuMillis = cpu.perUnitMillis(1);
            }
        });
        long due = t0;
        long i = first;
        for (Step step : plan) {
            long period = 1_000_000_000L / step.rate();
            long stepEnd = due + TimeUnit.SECONDS.toNanos(step.seconds());
            for (; due < stepEnd; due += period, i++) {
                Tally t = tallies.get((int) Math.min(tallies.size() - 1, (due - t0) / windowNanos));
                t.rate = step.rate();
                t.offered.incrementAndGet();
                R request = target.prepare(i);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long dueAt = due;
                target.send(request, status -> {
                    long micros = Math.max(0, (System.nanoTime() - dueAt) / 1000);
                    if (status == RawHttp.NO_ANSWER || micros > timeoutMicros) {
                        t.timedOut.incrementAndGet();
                    } else if (status == 503 || status == 429) {
                        t.refused.recordValue(micros);
                    } else if (status >= 200 && status < 500) {
                        t.decided.recordValue(micros);
                    } else {
                        t.other.incrementAndGet();
                    }
                    answered.countDown();
                });
            }
        }
        if (!answered.await(timeoutSeconds + 60, TimeUnit.SECONDS)) {
            System.out.println("[spike] still unanswered " + (timeoutSeconds + 60) + " s after the last was due: "
                    + answered.getCount());
        }
        sampler.join(TimeUnit.SECONDS.toMillis(windowSeconds + 5));
        return tallies;
    }

    private List<Window> windows(List<Tally> tallies) {
        List<Window> out = new ArrayList<>();
        for (int w = 0; w < tallies.size(); w++) {
            Tally t = tallies.get(w);
            long decided = t.decided.getTotalCount();
            Map<String, Double> perDecision = new LinkedHashMap<>();
            t.cpuMillis.forEach((k, ms) -> perDecision.put(k, decided == 0 ? Double.NaN : ms * 1000 / decided));
            out.add(new Window(w * windowSeconds, t.rate, t.offered.get(), decided, t.refused.getTotalCount(),
                    t.timedOut.get(), t.other.get(), ms(t.decided, 50), ms(t.decided, 99),
                    t.decided.getMaxValue() / 1000.0, ms(t.refused, 99), perDecision));
        }
        return out;
    }

    private static Span span(List<Tally> tallies, int fromSecond, int toSecond) {
        Histogram decided = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        long offered = 0;
        long refused = 0;
        long timedOut = 0;
        for (Tally t : tallies) {
            decided.add(t.decided);
            offered += t.offered.get();
            refused += t.refused.getTotalCount();
            timedOut += t.timedOut.get();
        }
        return new Span(fromSecond, toSecond, offered, decided.getTotalCount(), refused, timedOut, ms(decided, 50),
                ms(decided, 99));
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String format(Map<String, Double> micros) {
        StringBuilder s = new StringBuilder();
        micros.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append(' ').append(String.format("%.0f", v)));
        return s.toString();
    }
}
