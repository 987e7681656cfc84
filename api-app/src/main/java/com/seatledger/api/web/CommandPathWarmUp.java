package com.seatledger.api.web;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import com.seatledger.api.view.HoldBody;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.CommandResult;
import com.seatledger.topics.message.CommandType;
import com.seatledger.topics.message.Hold;
import com.seatledger.topics.message.HoldSeats;
import com.seatledger.topics.message.HoldStatus;
import com.seatledger.topics.message.Outcome;
import com.seatledger.topics.message.ResultCode;

/**
 * A new instance's first buyers used to pay for its warm-up: the classes of the command path (the
 * admission filter, the direct hold route, token verification, validation, problem bodies, the Kafka
 * producer) are first initialised by requests, and the AOT cache's eager compilation of a method
 * waits until every class its training compile depended on is initialised. At an opening's 1,000
 * holds/s a new api-app answered 85 % with decisions at 4.9 x the warm p99; after a few hundred
 * requests it refused itself, 95-98 % at 2.0-3.2 x (docs/perf/log.md).
 *
 * <p>So before it reports ready, the instance sends itself hold requests through its own HTTP port,
 * most by the direct route and some through the full stack, each with a token it mints (when it
 * verifies tokens with its own secret) and a seat id no show can have ({@code !}): every one is
 * answered 400 by validation before the rate limiter and before Kafka, so nothing reaches a topic.
 * It also maps a decided hold's command, result and answer in memory and creates the command
 * producer (fetching the commands topic's metadata), which the first decided commands did before,
 * then gives the compilers what is left of its bound to settle. Health (and readiness) says
 * OUT_OF_SERVICE until it is done, never past the bound; a warm-up that fails only logs, and the
 * instance is ready all the same.
 */
public final class CommandPathWarmUp implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CommandPathWarmUp.class);
    /** Any show id would do: the seat id and quantity below make every request a 400, whatever the show. */
    static final String SHOW = "warm-up";
    /** Requests that name a query go the full way (filter chain, Spring MVC), as the few unusual ones do. */
    static final String FULL_STACK = "?via=warm-up";
    static final List<String> BODIES = List.of("{\"seatIds\":[\"!\"]}",
            "{\"bestAvailable\":{\"category\":\"!\",\"quantity\":0}}");
    /** A request begun just before the bound may take this long past it. */
    private static final Duration GRACE = Duration.ofMillis(200);
    /** In-memory rounds of a decided hold's mapping: the mappers' first use, and some profile. */
    private static final int REHEARSALS = 50;
    private static final Duration SETTLE_STEP = Duration.ofMillis(200);
    /** Five steps: compile time is judged over the last second. */
    private static final int SETTLE_WINDOW_STEPS = 5;
    /** Compile time per second below which the compilers count as settled. */
    private static final long SETTLED_COMPILE_MS = 150;
    /** Distinct tokens: a buyer's first request verifies its token, later ones find it remembered. */
    private static final int TOKENS = 100;

    /**
     * @param requests    how many requests; 0 turns the warm-up off
     * @param concurrency how many at a time
     * @param within      the whole warm-up's bound (requests, then the compilers settling): past it the
     *                    instance reports ready anyway
     */
    public record Settings(int requests, int concurrency, Duration within) {
        public static final Settings DEFAULTS = new Settings(200, 4, Duration.ofMillis(1500));

        public Settings {
            concurrency = Math.max(1, concurrency);
            within = within == null ? DEFAULTS.within() : within;
        }
    }

    private final Settings settings;
    private final IntFunction<String> tokens;
    private final Runnable producer;
    private volatile String state = "not started";
    private volatile boolean done;

    /**
     * @param tokens   mints the i-th distinct token to send, or null to send none (tokens from an identity provider)
     * @param producer creates the command producer and fetches the commands topic's metadata
     */
    public CommandPathWarmUp(Settings settings, IntFunction<String> tokens, Runnable producer) {
        this.settings = settings;
        this.tokens = tokens;
        this.producer = producer;
        if (settings.requests() <= 0) {
            finish("off");
        }
    }

    /** Starts the warm-up in the background against this instance's port; health says when it is done. */
    public void start(URI base) {
        if (done) {
            return;
        }
        state = "warming up";
        Thread.ofPlatform().daemon().name("command-path-warm-up").start(() -> run(base));
    }

    private void run(URI base) {
        long started = System.nanoTime();
        long deadline = started + settings.within().toNanos();
        Map<Integer, Integer> statuses = new TreeMap<>();
        // not closed but shut down: closing waits for what is still running, and readiness must not
        // wait past the bound for a request or a broker that does not answer
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.within()).build();
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency() + 1,
                Thread.ofPlatform().daemon().name("command-path-warm-up-", 0).factory());
        try {
            Future<?> producerReady = pool.submit(() -> {
                for (int i = 0; i < REHEARSALS; i++) {
                    rehearseDecidedHold(i);
                }
                producer.run();
            });
            String[] minted = tokens == null ? null : new String[TOKENS];
            for (int t = 0; minted != null && t < TOKENS; t++) {
                minted[t] = tokens.apply(t);
            }
            List<Future<Map<Integer, Integer>>> senders = new ArrayList<>();
            for (int s = 0; s < settings.concurrency(); s++) {
                int first = s;
                senders.add(pool.submit(() -> send(http, base, minted, first, deadline)));
            }
            for (Future<Map<Integer, Integer>> f : senders) {
                f.get(left(deadline) + GRACE.toNanos(), TimeUnit.NANOSECONDS)
                        .forEach((status, n) -> statuses.merge(status, n, Integer::sum));
            }
            String producerState = "producer ready";
            try {
                producerReady.get(left(deadline) + GRACE.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // a broker that is slow to answer: the first command creates it, as without the warm-up
                producerState = "producer not ready within the bound";
            }
            long answered = System.nanoTime();
            String settled = settle(deadline);
            String summary = statuses.values().stream().mapToInt(Integer::intValue).sum() + " requests answered "
                    + statuses + " in " + (answered - started) / 1_000_000 + " ms, " + producerState + ", " + settled;
            log.info("command path warmed up: {}; nothing was sent to Kafka", summary);
            finish("done: " + summary);
        } catch (Exception e) {
            // only a warm-up: the instance answers the same without it, just slower at first
            log.warn("command path warm-up failed, ready without it: {}", e.toString());
            finish("failed: " + e);
        } finally {
            pool.shutdownNow();
            http.shutdownNow();
        }
    }

    private static long left(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /**
     * Waits until the JIT compilers are nearly idle, or the deadline: the requests initialised the
     * command path's classes, which lets the AOT cache's profiles have its methods compiled, in the
     * background and behind whatever else is queued. Ready before that, the first buyers ran code
     * still being compiled (docs/perf/log.md).
     */
    private static String settle(long deadline) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return "compilation not observable";
        }
        long from = System.nanoTime();
        // compile time (ms, all compiler threads) at each step of the last second
        long[] compiled = new long[SETTLE_WINDOW_STEPS + 1];
        StringBuilder perSecond = new StringBuilder();
        for (int step = 0; ; step++) {
            compiled[step % compiled.length] = jit.getTotalCompilationTime();
            boolean aSecondSeen = step >= SETTLE_WINDOW_STEPS;
            long busy = compiled[step % compiled.length] - compiled[(step + 1) % compiled.length];
            if (aSecondSeen && step % SETTLE_WINDOW_STEPS == 0) {
                perSecond.append(' ').append(busy);
            }
            boolean settled = aSecondSeen && busy <= SETTLED_COMPILE_MS;
            if (settled || System.nanoTime() >= deadline) {
                return "compilers " + (settled ? "settled" : "still busy") + " after "
                        + (System.nanoTime() - from) / 1_000_000 + " ms (compile ms per second:" + perSecond + ")";
            }
            Thread.sleep(SETTLE_STEP.toMillis());
        }
    }

    /**
     * What a decided hold adds to the refused requests' path, in memory: the HOLD written as the
     * ledger reads it, the ledger's result read back, the hold body written for the buyer. Each
     * mapper builds its (de)serialisers for a type on first use; without this the first buyers did.
     * Returns the hold body.
     */
    static byte[] rehearseDecidedHold(int i) {
        Commands.Envelope e = new Commands.Envelope("warm-up-" + i, "warm-up", List.of("user"), Instant.now(), List.of());
        HoldSeats command = HoldsController.hold(SHOW, new Requests.Hold(List.of("A-" + i), null, null, null, null), e);
        Json.MAPPER.writeValueAsBytes(command);
        Instant now = Instant.now();
        CommandResult decided = new CommandResult(command.commandId(), SHOW, CommandType.HOLD, Outcome.ACCEPTED,
                ResultCode.OK, "held", (long) i, false, new Hold(command.holdId(), command.actor(), command.seatIds(), now,
                        now.plusSeconds(600), HoldStatus.ACTIVE, List.of()), null, List.of());
        CommandResult read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(decided), CommandResult.class);
        return HttpJson.MAPPER.writeValueAsBytes(HoldBody.of(SHOW, read.hold(), read.seq(), null));
    }

    /** Every {@code concurrency}-th request from {@code first} on; the count of answers by status. */
    private Map<Integer, Integer> send(HttpClient http, URI base, String[] minted, int first, long deadline)
            throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = first; i < settings.requests() && System.nanoTime() < deadline; i += settings.concurrency()) {
            try {
                HttpResponse<Void> r = http.send(request(base, i, minted, Duration.ofNanos(Math.max(left(deadline),
                        GRACE.toNanos()))), HttpResponse.BodyHandlers.discarding());
                statuses.merge(r.statusCode(), 1, Integer::sum);
            } catch (HttpTimeoutException e) {
                // the bound is reached: what was answered so far is the warm-up
                break;
            }
        }
        return statuses;
    }

    /** The i-th request: a hold no show can grant, by the direct route or (every fourth) the full stack. */
    static HttpRequest request(URI base, int i, String[] tokens, Duration timeout) {
        String path = "/api/shows/" + SHOW + "/holds" + (i % 4 == 3 ? FULL_STACK : "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", "warm-up-" + i)
                .POST(HttpRequest.BodyPublishers.ofString(BODIES.get(i % BODIES.size())));
        if (tokens != null) {
            b.header("Authorization", "Bearer " + tokens[i % tokens.length]);
        }
        return b.build();
    }

    private void finish(String how) {
        state = how;
        done = true;
    }

    public boolean done() {
        return done;
    }

    @Override
    public Health health() {
        return (done ? Health.up() : Health.outOfService()).withDetail("warmUp", state).build();
    }
}
