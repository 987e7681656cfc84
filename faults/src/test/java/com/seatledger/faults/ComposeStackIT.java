package com.seatledger.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.seatledger.harness.KafkaClients;
import com.seatledger.harness.Tokens;
import com.seatledger.topics.Topics;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.Cause;
import com.seatledger.topics.message.SeatDef;
import com.seatledger.topics.message.ShowEvent;

/**
 * docker-compose.yml as a Docker user runs it (images built from the packaged jars, a KRaft broker,
 * the topic setup, ledger-app and api-app): healthy, a show created and a seat held over REST, and
 * the hold's event read from seat-status on the broker's host listener. Needs a Docker engine with
 * compose; where there is none (as on the machine CI runs on) it is skipped, and the compose file
 * keeps its static check (api-app's DockerComposeTest). It is never the only proof of anything: the
 * same behaviour is proven against the jars by the other tests.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackIT {

    static final String SECRET = "compose-stack-it-secret-at-least-32-bytes-long";
    static final int PARTITIONS = 3;
    /** The broker's listener for clients on the Docker host (docker-compose.yml: HOST://localhost:29092). */
    static final String HOST_BOOTSTRAP = "localhost:29092";

    @Container
    static final ComposeContainer STACK = new ComposeContainer(FaultEnv.root().resolve("docker-compose.yml").toFile())
            .withBuild(true)
            .withEnv(Map.of("SEATLEDGER_JWT_SECRET", SECRET, "SEATLEDGER_PARTITIONS", Integer.toString(PARTITIONS)))
            .withExposedService("api-app", 8080, Wait.forHttp("/actuator/health/readiness").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(5)))
            .withRemoveVolumes(true);

    @Test
    void theComposeStackHoldsASeatAndPublishesIt() throws Exception {
        String api = "http://" + STACK.getServiceHost("api-app", 8080) + ":" + STACK.getServicePort("api-app", 8080);
        HttpClient http = HttpClient.newHttpClient();
        String admin = Tokens.signed(SECRET, "boxoffice", Instant.now().plus(Duration.ofHours(1)), "admin");
        String alice = Tokens.signed(SECRET, "alice", Instant.now().plus(Duration.ofHours(1)));
        List<SeatDef> seats = List.of(new SeatDef("A-1", "Hall", "A", 1, "STANDARD"),
                new SeatDef("A-2", "Hall", "A", 2, "STANDARD"));
        HttpResponse<String> created = http.send(post(api + "/api/shows", admin,
                Map.of("showId", "compose", "name", "Compose", "seats", seats)), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> held = http.send(post(api + "/api/shows/compose/holds", alice,
                Map.of("seatIds", List.of("A-1"))), HttpResponse.BodyHandlers.ofString());
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);

        try (KafkaConsumer<String, byte[]> events = KafkaClients.fromStart(HOST_BOOTSTRAP, Topics.SEAT_STATUS.name(),
                PARTITIONS)) {
            List<ShowEvent> seen = new ArrayList<>();
            await("the HOLD event on seat-status").atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : events.poll(Duration.ofMillis(500))) {
                    seen.add(Json.MAPPER.readValue(r.value(), ShowEvent.class));
                }
                return seen.stream().anyMatch(e -> e.showId().equals("compose") && e.cause() == Cause.HOLD);
            });
            ShowEvent hold = seen.stream().filter(e -> e.cause() == Cause.HOLD).findFirst().orElseThrow();
            assertThat(hold.hold().actor()).isEqualTo("alice");
            assertThat(hold.seats()).extracting(s -> s.seatId()).containsExactly("A-1");
        }
    }

    private static HttpRequest post(String url, String token, Object body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build();
    }
}
