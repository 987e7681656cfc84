package com.seatledger.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.seatledger.harness.Stack;

/**
 * The broker is killed mid-load and started again. Meanwhile api-app must answer 503 with
 * {@code Retry-After} (never another 5xx, never hang), and everything must recover by itself: the
 * buyers' retries (same Idempotency-Key) get definitive answers, the ledger decides again, and the
 * topics pass the same invariants as the crash loop.
 */
class BrokerRestartIT {

    static final String REST_SHOW = "rest-show";

    @Test
    void theApiAnswers503WhileKafkaIsAwayAndEverythingRecovers() throws Exception {
        List<String> shows = FaultEnv.showsOnDistinctPartitions("broker", 3, 6);
        try (Scenario s = new Scenario("broker-restart", 29292, 6, shows)) {
            s.ledger(0).awaitHealthy(Duration.ofSeconds(120));
            s.api(0).awaitHealthy(Duration.ofSeconds(120));
            String base = "http://localhost:" + s.apiPort(0);
            Stack.createShow(base, REST_SHOW, FaultEnv.hall(10, 40));
            s.load.createShows();
            s.load.start(Integer.getInteger("faults.load", 20));
            try (RestBuyers buyers = new RestBuyers(base, REST_SHOW)) {
                buyers.start(20);
                long before = s.audit.resultCount();
                await("load decided").atMost(Duration.ofSeconds(60)).until(() -> s.audit.resultCount() > before + 500);

                s.stack.brokers.node(0).kill();
                Instant killedAt = Instant.now();
                System.out.printf("[broker-restart] before the kill: %s%n", statuses(buyers, 0, killedAt.toEpochMilli()));
                await("the API answers 503 while the broker is away").atMost(Duration.ofSeconds(30))
                        .until(() -> buyers.answers.stream()
                                .filter(a -> a.sentAtMillis() > killedAt.toEpochMilli() && a.status() == 503).count() >= 60);
                s.stack.brokers.node(0).start();
                Instant restartedAt = Instant.now();
                System.out.printf("[broker-restart] broker down for %d ms%n",
                        Duration.between(killedAt, restartedAt).toMillis());

                await("a hold answered 201 again").atMost(Duration.ofSeconds(120)).until(() -> buyers.answers.stream()
                        .anyMatch(a -> a.sentAtMillis() > restartedAt.toEpochMilli() && a.status() == 201));
                Duration ledgerBack = s.decidingAgainAfter(restartedAt, Duration.ofSeconds(120));
                Duration apiBack = Duration.ofMillis(buyers.answers.stream()
                        .filter(a -> a.sentAtMillis() > restartedAt.toEpochMilli() && a.status() == 201)
                        .mapToLong(a -> a.sentAtMillis() + a.millis()).min().orElseThrow() - restartedAt.toEpochMilli());
                long after = s.audit.resultCount();
                await("load decided after the restart").atMost(Duration.ofSeconds(60))
                        .until(() -> s.audit.resultCount() > after + 500);
                buyers.stop();
                s.load.stop();
                await("every REST buyer has a definitive answer").atMost(Duration.ofSeconds(90))
                        .until(() -> buyers.settled.size() == buyers.askedCount());
                s.awaitSettled(Duration.ofSeconds(120));

                System.out.printf("[broker-restart] while down: %s; after: %s%n",
                        statuses(buyers, killedAt.toEpochMilli(), restartedAt.toEpochMilli()),
                        statuses(buyers, restartedAt.toEpochMilli(), Long.MAX_VALUE));
                long unavailable = buyers.answers.stream().filter(a -> a.status() == 503).count();
                long maxMillis = buyers.answers.stream().mapToLong(RestBuyers.Answer::millis).max().orElse(0);
                System.out.printf("[broker-restart] %d REST requests (%d keys), %d answered 503, slowest %d ms; "
                        + "ledger deciding %d ms and API answering 201 %d ms after the broker restart%n",
                        buyers.answers.size(), buyers.askedCount(), unavailable, maxMillis, ledgerBack.toMillis(),
                        apiBack.toMillis());
                buyers.answers.stream().sorted(java.util.Comparator.comparingLong(RestBuyers.Answer::millis).reversed())
                        .limit(5).forEach(a -> System.out.printf("[broker-restart] slow: sent %+d ms after the kill, "
                                + "%d ms, status %d%n", a.sentAtMillis() - killedAt.toEpochMilli(), a.millis(), a.status()));
                assertThat(buyers.answers).as("503 with Retry-After, or a decision; never another 5xx or a "
                        + "transport error").allSatisfy(a -> {
                    if (a.status() == 503) {
                        assertThat(a.retryAfter()).as(a.toString()).isNotNull();
                        assertThat(a.contentType()).as(a.toString()).startsWith("application/problem+json");
                    } else {
                        assertThat(a.status()).as(a.toString()).isBetween(200, 499);
                    }
                });
                assertThat(maxMillis).as("no request hangs").isLessThan(15_000);
                assertThat(buyers.settled.values()).allSatisfy(a -> assertThat(a.status()).as(a.toString())
                        .isIn(201, 409, 422));

                s.assertEvery201IsAnAcceptedHold(buyers);
            }
            s.assertInvariants();
            s.assertFreshApiAgrees(1);
        }
    }

    /** Status → count for the requests sent in [from, to). */
    static java.util.Map<Integer, Long> statuses(RestBuyers buyers, long from, long to) {
        return buyers.answers.stream().filter(a -> a.sentAtMillis() >= from && a.sentAtMillis() < to)
                .collect(Collectors.groupingBy(RestBuyers.Answer::status, java.util.TreeMap::new, Collectors.counting()));
    }
}
