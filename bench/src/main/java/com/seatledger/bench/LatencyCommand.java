package com.seatledger.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import com.seatledger.harness.Stack;
import com.seatledger.harness.Tokens;
import com.seatledger.topics.json.Json;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Target "REST one-seat holds at 1,000/s": REST hold → 201 at fixed offered rates, and beside each rate the bare
 * Kafka EOS request/reply floor ({@link BareFloor}) at the same rate and commit interval. Open model: request i is due at
 * t0 + i/rate whether or not earlier ones have answered, and its latency is measured from when it
 * was due (not when it was sent), so a stalled server cannot hide its stall (coordinated omission).
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "REST hold to 201 at fixed offered rates, EOS on, at two commit.interval.ms settings.")
final class LatencyCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    Bench.Common common = new Bench.Common();

    @Option(names = "--rates", split = ",", defaultValue = "100,400,1000", description = "offered holds/s; default ${DEFAULT-VALUE}")
    List<Integer> rates;

    @Option(names = "--seconds", defaultValue = "10", description = "measured seconds per rate; default ${DEFAULT-VALUE}")
    int seconds;

    @Option(names = "--commit-intervals", split = ",", defaultValue = Bench.SHIPPED_COMMIT_INTERVAL_MS, description = "commit.interval.ms settings; default ${DEFAULT-VALUE}")
    List<Integer> commitIntervals;

    @Option(names = "--partitions", defaultValue = "12")
    int partitions;

    @Option(names = "--api-arg", description = "extra api-app argument, e.g. --api-arg=--spring.kafka.consumer.fetch-max-wait=10ms")
    List<String> apiArgs = new ArrayList<>();

    @Option(names = "--cold", description = "instead: a new stack put under the top rate at once for 3 minutes, "
            + "reported per 10 s window (the same as bin/bench spike --steps <top rate>:180)")
    boolean cold;

    @Option(names = "--warmup-seconds", defaultValue = "30",
            description = "load at 200/s before measuring (JIT on 2 cores), then 20 s at the highest rate; default ${DEFAULT-VALUE}")
    int warmupSeconds;

    /** One offered rate: answered latency percentiles in ms, and how many answers were not 201. */
    record Point(int commitIntervalMs, int offeredPerSecond, double achievedPerSecond, long count, long errors,
            double p50, double p99, double p999, double max, double floorP50, double floorP99, long floorMissing) {

        /** REST p99 over the bare floor's p99 at the same rate and commit interval. */
        double p99Ratio() {
            return floorP99 > 0 ? p99 / floorP99 : Double.NaN;
        }
    }

    record Report(Instant at, String machine, List<Point> points) {
    }

    private static final int ACTORS = 10_000;
    /** keep-alive connections of the load generator: as many as the api-app has request threads */
    private static final int CONNECTIONS = 400;
    /** the second part of the warm-up, at the highest offered rate */
    private static final int TOP_RATE_WARMUP_SECONDS = 20;

    @Override
    public Integer call() throws Exception {
        if (cold) {
            SpikeCommand spike = new SpikeCommand();
            spike.common = common;
            spike.steps = List.of(rates.stream().mapToInt(Integer::intValue).max().orElse(1_000) + ":180");
            spike.partitions = partitions;
            spike.apiArgs = apiArgs;
            spike.name = "spike-cold";
            return spike.call();
        }
        Files.createDirectories(common.work);
        List<String> tokens = new ArrayList<>(ACTORS);
        for (int i = 0; i < ACTORS; i++) {
            tokens.add(Tokens.token("buyer-" + i));
        }
        List<Point> points = new ArrayList<>();
        try (Stack stack = Stack.start(common.kafkaClasspath(), Path.of(""), common.work, common.brokerPort, partitions)) {
            for (int commit : commitIntervals) {
                stack.startLedger(commit);
                stack.startApi(apiArgs.toArray(String[]::new));
                RawHttp http = new RawHttp(URI.create(stack.api()), CONNECTIONS);
                String show = "latency-" + commit;
                int top = rates.stream().mapToInt(Integer::intValue).max().orElse(200);
                int seatsNeeded = rates.stream().mapToInt(r -> r * seconds).sum() + 200 * warmupSeconds
                        + top * TOP_RATE_WARMUP_SECONDS + 1_000;
                stack.createShow(show, Workloads.layout(Math.max(1_000, (seatsNeeded / 50 + 1) * 50)));
                AtomicInteger nextSeat = new AtomicInteger();
                CpuMeter idle = new CpuMeter(processes(stack));
                Thread.sleep(10_000);
                System.out.println("CPU per second, idle: " + CpuMeter.format(idle.perUnitMillis(10)));
                // warm-up: the JIT, connection pool and the ledger's first touches are not measured
                offer(stack, http, show, tokens, nextSeat, 200, warmupSeconds, commit);
                // then at the highest rate: C2 compiles the paths a busy stack takes (bigger batches per
                // fetch, produce and commit) only once it runs them; without this the first step at
                // 1,000/s measured the compiler (827/s achieved, p99 4.4 s; the same step again: 996/s)
                offer(stack, http, show, tokens, nextSeat, top, TOP_RATE_WARMUP_SECONDS, commit);
                List<Point> rest = new ArrayList<>();
                for (int rate : rates) {
                    rest.add(offer(stack, http, show, tokens, nextSeat, rate, seconds, commit));
                }
                http.close();
                stack.stopApi();
                stack.stopLedger();
                // the floor on the same broker, at the same rates and commit interval, with the apps stopped
                try (BareFloor floor = new BareFloor(stack.bootstrap(), common.work, commit)) {
                    for (Point r : rest) {
                        Histogram f = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
                        CpuMeter floorCpu = new CpuMeter(Map.of("floor (bench JVM)", ProcessHandle.current().pid()));
                        int got = floor.offer(r.offeredPerSecond(), seconds, f);
                        System.out.println("CPU per request of the bare floor at " + r.offeredPerSecond() + "/s: "
                                + CpuMeter.format(floorCpu.perUnitMillis((long) r.offeredPerSecond() * seconds)));
                        Point p = new Point(r.commitIntervalMs(), r.offeredPerSecond(), r.achievedPerSecond(), r.count(),
                                r.errors(), r.p50(), r.p99(), r.p999(), r.max(), f.getValueAtPercentile(50) / 1000.0,
                                f.getValueAtPercentile(99) / 1000.0, (long) r.offeredPerSecond() * seconds - got);
                        points.add(p);
                        System.out.printf("commit %3d ms, offered %5d/s: REST achieved %7.1f/s, p50 %6.1f ms, p99 %7.1f ms, "
                                + "p99.9 %7.1f ms, max %7.1f ms, errors %d | bare EOS floor p50 %6.1f ms, p99 %6.1f ms "
                                + "(missing %d) | p99 ratio %.1f%n", commit, p.offeredPerSecond(), p.achievedPerSecond(),
                                p.p50(), p.p99(), p.p999(), p.max(), p.errors(), p.floorP50(), p.floorP99(),
                                p.floorMissing(), p.p99Ratio());
                    }
                }
            }
        }
        Report report = new Report(Instant.now(), Machine.here().toString(), points);
        Files.createDirectories(common.out);
        Files.write(common.out.resolve("latency.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        Plots.latency(report, common.out.resolve("latency.png"));
        for (int commit : commitIntervals) {
            System.out.println("commit " + commit + " ms: p99 passes 50 ms at " + Plots.firstRateOver(report, commit, 50));
        }
        return 0;
    }

    /**
     * When the slowest 1 % of a step's requests were due, grouped by tenth of a second: a tail that
     * comes in bursts at a fixed period points at something periodic (a snapshot pass, a collection).
     */
    private static String slowest(long[] latencies, long periodNanos) {
        Integer[] order = new Integer[latencies.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(latencies[b], latencies[a]));
        java.util.TreeMap<Double, Integer> bursts = new java.util.TreeMap<>();
        for (int k = 0; k < Math.max(1, latencies.length / 100); k++) {
            double at = Math.floor(order[k] * (periodNanos / 1e9) * 10) / 10;
            bursts.merge(at, 1, Integer::sum);
        }
        return bursts.entrySet().stream().map(e -> e.getKey() + "s x" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The processes whose CPU a REST step accounts for; the bench's JVM is the load generator. */
    private static Map<String, Long> processes(Stack stack) {
        return Map.of("api-app", stack.apiPid(), "ledger", stack.ledgerPid(), "broker", stack.brokers.node(0).pid(),
                "load generator", ProcessHandle.current().pid());
    }

    private Point offer(Stack stack, RawHttp http, String show, List<String> tokens, AtomicInteger nextSeat, int rate, int seconds,
            int commit) throws Exception {
        int n = rate * seconds;
        Histogram h = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        CountDownLatch answered = new CountDownLatch(n);
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.ConcurrentSkipListMap<Integer, AtomicInteger> others = new java.util.concurrent.ConcurrentSkipListMap<>();
        long periodNanos = 1_000_000_000L / rate;
        long[] latencies = new long[n];
        long t0 = System.nanoTime() + 50_000_000;
        String path = "/api/shows/" + show + "/holds";
        CpuMeter cpu = new CpuMeter(processes(stack));
        ApiTimers timers = new ApiTimers(stack.api());
        try (ProgressBar bar = new ProgressBar("commit " + commit + " ms, " + rate + "/s", n)) {
            for (int i = 0; i < n; i++) {
                int seat = nextSeat.getAndIncrement();
                byte[] request = http.post(path, List.of("Authorization: Bearer " + tokens.get(seat % tokens.size()),
                        "Idempotency-Key: b-" + seat), Workloads.oneSeatHoldBody(seat));
                long due = t0 + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                http.send(request, status -> {
                    long micros = Math.max(0, (System.nanoTime() - due) / 1000);
                    latencies[index] = micros;
                    h.recordValue(micros);
                    if (status != 201) {
                        errors.incrementAndGet();
                        others.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    }
                    answered.countDown();
                });
                if (i % 100 == 0) {
                    bar.stepTo(i);
                }
            }
            if (!answered.await(2, TimeUnit.MINUTES)) {
                System.out.println("not answered within 2 minutes: " + answered.getCount());
            }
            bar.stepTo(n);
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.println("the slowest 1 % were due at (s into the step begun at "
                + Instant.now().minusNanos(System.nanoTime() - t0) + "): " + slowest(latencies, periodNanos));
        if (!others.isEmpty()) {
            System.out.println("answers other than 201 at " + rate + "/s (status=count, -1: no answer): " + others);
        }
        long holds = h.getTotalCount() - errors.get();
        System.out.println("CPU per answered hold (201) at " + rate + "/s: "
                + CpuMeter.format(cpu.perUnitMillis(Math.max(1, holds))));
        System.out.println(timers.sinceStart());
        return new Point(commit, rate, n / elapsed, h.getTotalCount(), errors.get(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, 0, 0,
                0);
    }
}
