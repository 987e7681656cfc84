package com.seatledger.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.seatledger.harness.Stack;
import com.seatledger.harness.Tokens;
import com.seatledger.topics.json.Json;

/**
 * Admission control under a burst no instance could serve: an api-app whose ledger never answers
 * (none is running, so every admitted command waits its whole reply timeout) gets far more
 * commands at once than it has request threads. Without admission control the commands beyond
 * the threads queued behind them and were answered only after two reply timeouts. Every command
 * must be answered within the reply timeout (plus scheduling slack on a shared machine), those
 * beyond the instance's bound at once, all with 503 + Retry-After, and reads and health must stay
 * served meanwhile.
 */
class OverloadIT {

    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(3);
    /** more than the api-app's 600 request threads */
    static final int BURST = 900;

    record Answer(int status, String retryAfter, String contentType, String code, long millis) {
    }

    @Test
    void commandsBeyondWhatTheInstanceCanAnswerAreRefusedAtOnceAndNoneWaitsPastTheReplyTimeout() throws Exception {
        try (Stack stack = FaultEnv.stack("overload", 29892, 3, 1)) {
            // a bound of 100 (the default is 150-300): the other 800 must be refused at once
            stack.startApi("api-app", 29992, null, "--seatledger.reply-timeout=" + REPLY_TIMEOUT.toMillis() + "ms",
                    "--seatledger.admission.initial-limit=100", "--seatledger.admission.min-limit=50",
                    "--seatledger.admission.max-limit=100")
                    .awaitHealthy(Duration.ofSeconds(120));
            String base = "http://localhost:29992";
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                tokens.add(Tokens.token("burst-" + i));
            }
            // warm the path once, so the burst measures queueing, not the first request's class loading
            assertThat(hold(base, tokens.get(0), "warm").status()).isEqualTo(503);

            List<Answer> answers = new ArrayList<>();
            List<Long> readMillis = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Answer>> sent = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    String token = tokens.get(i);
                    String key = "burst-" + i;
                    sent.add(pool.submit(() -> {
                        go.await();
                        return hold(base, token, key);
                    }));
                }
                go.countDown();
                // while the commands wait: the seat-map list and liveness still answer
                for (String path : List.of("/api/shows", "/actuator/health/liveness", "/api/shows")) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = Stack.HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(path).isEqualTo(200);
                    readMillis.add((System.nanoTime() - t0) / 1_000_000);
                }
                for (Future<Answer> f : sent) {
                    answers.add(f.get());
                }
            }
            // an admitted command waits its whole reply timeout here; anything answered well before it was
            // refused at once (the client's clock includes opening 900 connections on two shared cores)
            long fast = answers.stream().filter(a -> a.millis() < REPLY_TIMEOUT.toMillis() * 2 / 3).count();
            long slowest = answers.stream().mapToLong(Answer::millis).max().orElseThrow();
            System.out.printf("[overload] %d commands at once, reply timeout %d ms: %d answered within 2 s, slowest "
                    + "%d ms; reads meanwhile %s ms%n", BURST, REPLY_TIMEOUT.toMillis(), fast, slowest, readMillis);
            assertThat(answers).as("503 + Retry-After problem bodies").allSatisfy(a -> {
                assertThat(a.status()).as(a.toString()).isEqualTo(503);
                assertThat(a.retryAfter()).as(a.toString()).isNotNull();
                assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
                assertThat(a.code()).as(a.toString()).isEqualTo("LEDGER_UNAVAILABLE");
            });
            assertThat(slowest).as("no command waits past the reply timeout (with 1.5 s for two shared cores)")
                    .isLessThan(REPLY_TIMEOUT.toMillis() + 1_500);
            assertThat(fast).as("the commands beyond the instance's bound are refused at once")
                    .isGreaterThanOrEqualTo(BURST - 300);
            assertThat(readMillis).as("reads are served while commands wait").allSatisfy(ms -> assertThat(ms)
                    .isLessThan(REPLY_TIMEOUT.toMillis()));
        }
    }

    private static Answer hold(String base, String token, String key) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = Stack.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/shows/burst/holds"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"seatIds\":[\"A-1\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String code = r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body()).path("code").asString();
        return new Answer(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                r.headers().firstValue("Content-Type").orElse(null), code, millis);
    }
}
