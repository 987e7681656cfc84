package com.seatledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import com.sun.net.httpserver.HttpServer;
import com.seatledger.topics.message.CommandValidation;
import com.seatledger.topics.message.HoldSeats;

import tools.jackson.databind.JsonNode;

/**
 * What a new instance sends itself before it reports ready, against a stand-in server: holds that
 * validation must refuse, some the full way, with distinct tokens; health OUT_OF_SERVICE until the
 * last is answered. (The real api-app answering them all 400 and writing nothing to Kafka: ApiIT.)
 */
class CommandPathWarmUpTest {

    private HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);

    record Seen(String path, String query, String token, String key, String body) {
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    /** A server that answers {@code status} to everything once {@code gate} is open, and remembers each request. */
    private URI serve(Queue<Seen> seen, int status, AtomicBoolean gate) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            await().atMost(Duration.ofSeconds(10)).untilTrue(gate);
            seen.add(new Seen(ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Idempotency-Key"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.setExecutor(handlers);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void sendsHoldsNoShowCanGrantAndIsReadyOnlyOnceAllAreAnswered() throws IOException {
        Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        AtomicBoolean gate = new AtomicBoolean();
        URI base = serve(seen, 400, gate);
        AtomicInteger producerReady = new AtomicInteger();
        CommandPathWarmUp warmUp = new CommandPathWarmUp(new CommandPathWarmUp.Settings(40, 3, Duration.ofSeconds(30)),
                i -> "token-" + i, producerReady::incrementAndGet);
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        warmUp.start(base);
        assertThat(warmUp.health().getStatus()).as("not ready while its requests wait").isEqualTo(Status.OUT_OF_SERVICE);
        gate.set(true);
        await().atMost(Duration.ofSeconds(20)).until(warmUp::done);

        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmUp.health().getDetails().get("warmUp").toString()).startsWith("done: 40 requests answered {400=40}");
        assertThat(producerReady).hasValue(1);
        assertThat(seen).hasSize(40).allSatisfy(s -> {
            assertThat(s.path()).isEqualTo("/api/shows/warm-up/holds");
            assertThat(s.key()).matches("warm-up-\\d+");
            assertThat(s.token()).matches("Bearer token-\\d+");
            // the api-app's validation refuses each before the rate limiter and before Kafka
            HoldSeats hold = HoldsController.hold("warm-up", HttpJson.MAPPER.readValue(s.body(), Requests.Hold.class),
                    new Commands.Envelope("c-1", "warm-up-1", List.of("user"), Instant.now(), List.of()));
            assertThat(CommandValidation.problem(hold)).as(s.body()).isPresent();
        });
        assertThat(seen).filteredOn(s -> s.query() != null).as("the full stack's share").hasSize(10);
        assertThat(seen).extracting(Seen::key).doesNotHaveDuplicates();
        assertThat(seen).extracting(Seen::token).hasSize(40).containsAll(List.of("Bearer token-0", "Bearer token-39"));
    }

    @Test
    void rehearsesADecidedHoldsMappingInMemory() {
        JsonNode body = HttpJson.MAPPER.readTree(CommandPathWarmUp.rehearseDecidedHold(7));
        assertThat(body.path("showId").asString()).isEqualTo("warm-up");
        assertThat(body.path("seatIds").path(0).asString()).isEqualTo("A-7");
        assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(body.path("seq").asLong()).isEqualTo(7);
    }

    @Test
    void withoutItsOwnSecretItSendsNoToken() throws IOException {
        Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        URI base = serve(seen, 401, new AtomicBoolean(true));
        CommandPathWarmUp warmUp = new CommandPathWarmUp(new CommandPathWarmUp.Settings(8, 2, null), null, () -> {
        });
        warmUp.start(base);
        await().atMost(Duration.ofSeconds(20)).until(warmUp::done);
        assertThat(seen).hasSize(8).allSatisfy(s -> assertThat(s.token()).isNull());
        assertThat(warmUp.health().getDetails().get("warmUp").toString()).contains("{401=8}");
    }

    @Test
    void anInstanceThatDoesNotAnswerHoldsReadinessBackOnlyUntilTheBound() throws IOException {
        Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        URI base = serve(seen, 400, new AtomicBoolean(false));
        CommandPathWarmUp warmUp = new CommandPathWarmUp(new CommandPathWarmUp.Settings(10, 2, Duration.ofSeconds(1)),
                null, () -> {
                });
        warmUp.start(base);
        // the stand-in would answer only after 10 s
        await().atMost(Duration.ofSeconds(5)).until(warmUp::done);
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmUp.health().getDetails().get("warmUp").toString()).startsWith("done: 0 requests answered {}");
    }

    @Test
    void aWarmUpThatFailsStillEndsReady() {
        CommandPathWarmUp warmUp = new CommandPathWarmUp(new CommandPathWarmUp.Settings(10, 2, Duration.ofSeconds(5)),
                null, () -> {
                    throw new IllegalStateException("no broker");
                });
        // nothing listens on port 9 of the loopback
        warmUp.start(URI.create("http://127.0.0.1:9"));
        await().atMost(Duration.ofSeconds(20)).until(warmUp::done);
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmUp.health().getDetails().get("warmUp").toString()).startsWith("failed: ");
    }

    @Test
    void offMeansReadyAtOnce() {
        CommandPathWarmUp warmUp = new CommandPathWarmUp(new CommandPathWarmUp.Settings(0, 4, null), null, () -> {
            throw new AssertionError("an instance without warm-up does not touch the producer");
        });
        warmUp.start(URI.create("http://127.0.0.1:9"));
        assertThat(warmUp.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmUp.health().getDetails()).containsEntry("warmUp", "off");
    }
}
