package com.seatledger.faults;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.seatledger.harness.Stack;
import com.seatledger.harness.Tokens;
import com.seatledger.topics.json.Json;

/**
 * Buyers holding seats through the REST API at a steady rate, behaving as docs/api.md asks clients to:
 * on 503 they wait {@code Retry-After} and retry with the same {@code Idempotency-Key}. With several
 * api-app instances (a load balancer's pool) requests go round the pool, and a retry after a 503 or
 * a refused connection goes to the next instance. Every answer is recorded, so a test can say what
 * the API did while Kafka (or an instance) was away.
 */
final class RestBuyers implements AutoCloseable {

    /** One HTTP answer: when it was asked, how long it took, what came back. */
    record Answer(String key, long sentAtMillis, long millis, int status, String contentType, String retryAfter,
            String body) {
    }

    final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    /** Idempotency-Key → the final (non-503) answer; keys still retrying are absent. */
    final Map<String, Answer> settled = new ConcurrentHashMap<>();
    /** keys resent once after the keep-alive race ({@link #keepAliveRace}) */
    private final java.util.Set<String> racedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> asked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final List<String> bases;
    private final String show;
    private final String keyPrefix;
    private final Random random = new Random(11);
    private final AtomicInteger next = new AtomicInteger();

    RestBuyers(String base, String show) {
        this(List.of(base), show, "k-");
    }

    RestBuyers(List<String> bases, String show, String keyPrefix) {
        this.bases = List.copyOf(bases);
        this.show = show;
        this.keyPrefix = keyPrefix;
    }

    void start(int perSecond) {
        ticker.scheduleAtFixedRate(this::hold, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
    }

    void stop() {
        ticker.shutdown();
    }

    private void hold() {
        int n = next.getAndIncrement();
        String row = String.valueOf((char) ('A' + random.nextInt(10)));
        int seat = 1 + random.nextInt(40);
        String body = Json.MAPPER.writeValueAsString(Map.of("seatIds", List.of(row + "-" + seat), "ttlSeconds", 5));
        String token = Tokens.token("rest-buyer-" + (n % 200));
        ask(keyPrefix + n, token, body, n);
    }

    private void ask(String key, String token, String body, int attempt) {
        asked.put(key, true);
        String base = bases.get(attempt % bases.size());
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/shows/" + show + "/holds"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long t0 = System.nanoTime();
        long sentAt = System.currentTimeMillis();
        Stack.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            if (e != null && keepAliveRace(e) && racedOnce.add(key)) {
                // the server closed a pooled connection just as the client reused it, and the client
                // does not resend a POST by itself: once more on a fresh connection, as any client with
                // an Idempotency-Key may; a server that drops this request every time still fails
                ask(key, token, body, attempt);
                return;
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            Answer a = e != null ? new Answer(key, sentAt, millis, -1, null, null, e.toString())
                    : new Answer(key, sentAt, millis, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                            r.headers().firstValue("Retry-After").orElse(null), r.body());
            answers.add(a);
            if (a.status() == 503 && a.retryAfter() != null) {
                long wait = Math.max(1, Long.parseLong(a.retryAfter()));
                CompletableFuture.delayedExecutor(wait, TimeUnit.SECONDS)
                        .execute(() -> ask(key, token, body, attempt + 1));
            } else if (a.status() == -1 && bases.size() > 1 && refused(e)) {
                // the instance is gone (stopped, restarting): a load balancer would try another at once
                ask(key, token, body, attempt + 1);
            } else {
                settled.put(key, a);
            }
        });
    }

    /**
     * No HTTP answer (connection refused or closed): the request may or may not have reached the
     * app, and the same Idempotency-Key makes a retry safe either way.
     */
    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean keepAliveRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null && t.getMessage().contains("received no bytes")) {
                return true;
            }
        }
        return false;
    }

    int askedCount() {
        return asked.size();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
