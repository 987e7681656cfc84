package com.seatledger.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.seatledger.harness.AppProcess;
import com.seatledger.harness.Jars;
import com.seatledger.harness.Stack;
import com.seatledger.harness.Tokens;
import com.seatledger.topics.json.Json;
import com.seatledger.topics.message.CommandType;
import com.seatledger.topics.message.Outcome;

import tools.jackson.databind.JsonNode;

/**
 * One fault scenario's world: a fresh broker (or cluster) with the topics, the command load, and the audit that
 * reads the topics continuously (so result arrival times are measured, not guessed). The checks
 * every scenario ends with live here.
 */
final class Scenario implements AutoCloseable {

    final Stack stack;
    final Audit audit;
    final CommandLoad load;
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
    private final int basePort;

    Scenario(String name, int brokerPort, int partitions, List<String> shows) throws Exception {
        this(name, brokerPort, partitions, shows, 1);
    }

    /** The same on a cluster of {@code brokers} nodes (every topic replicated on all of them). */
    Scenario(String name, int brokerPort, int partitions, List<String> shows, int brokers) throws Exception {
        this.stack = FaultEnv.stack(name, brokerPort, partitions, brokers);
        this.basePort = brokerPort + 100;
        this.audit = new Audit(stack.bootstrap(), partitions);
        this.load = new CommandLoad(stack.bootstrap(), shows, brokerPort);
        reader.scheduleWithFixedDelay(audit::catchUp, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** Ledger instance {@code i} (0, 1, ...): management port basePort + 10 + i, its own state folder kept across restarts. */
    AppProcess ledger(int i, String... extra) throws Exception {
        return ledger(stack.jars(), i, extra);
    }

    /** The same from {@code jars} (another release's, for an upgrade). */
    AppProcess ledger(Jars jars, int i, String... extra) throws Exception {
        return stack.startLedger(jars, "ledger-" + i, basePort + 10 + i, stateDir(i), null, extra);
    }

    Path stateDir(int i) {
        return stack.work().resolve("ledger-state-" + i);
    }

    /** api-app instance {@code i}: HTTP port basePort + 20 + i. */
    AppProcess api(int i, String... extra) throws Exception {
        return api(stack.jars(), i, extra);
    }

    /** The same from {@code jars} (another release's, for an upgrade). */
    AppProcess api(Jars jars, int i, String... extra) throws Exception {
        return stack.startApi(jars, "api-" + i, apiPort(i), null, extra);
    }

    int apiPort(int i) {
        return basePort + 20 + i;
    }

    Rest rest(int i) {
        return new Rest("http://localhost:" + apiPort(i));
    }

    /**
     * Duration from {@code since} until the first result decided after it reached this reader: how
     * long deciding stopped. Waits up to {@code within}.
     */
    Duration decidingAgainAfter(Instant since, Duration within) {
        return decidingAgainAfter(since, within, show -> true);
    }

    /** The same, for the shows {@code which} accepts. */
    Duration decidingAgainAfter(Instant since, Duration within, java.util.function.Predicate<String> which) {
        Duration[] gap = new Duration[1];
        await("a decision after " + since).atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> {
            synchronized (audit) {
                return audit.arrivals.stream().filter(a -> a.decidedAt().isAfter(since) && which.test(a.showId()))
                        .findFirst()
                        .map(a -> gap[0] = Duration.between(since, a.at())).isPresent();
            }
        });
        return gap[0];
    }

    /** Waits until every command record has its result and every accepted hold has ended. */
    void awaitSettled(Duration within) {
        long sent = load.total();
        await("a result for each of " + sent + " command records").atMost(within)
                .pollInterval(Duration.ofMillis(200)).until(() -> audit.resultCount() >= sent);
        await("every accepted hold confirmed, released or expired").atMost(CommandLoad.longestHold().plusSeconds(20))
                .pollInterval(Duration.ofMillis(200)).until(() -> audit.openHolds().isEmpty());
    }

    /** The ledger's invariants over the topics (see {@link Audit}). */
    void assertInvariants() {
        List<String> violations;
        synchronized (audit) {
            audit.catchUp();
            violations = audit.violations(load.recordsById(), load.commands(), Instant.now());
        }
        assertThat(violations).as("invariant violations").isEmpty();
    }

    /** Every hold the API answered 201 is an accepted hold in the ledger's results: nothing the API promised is lost. */
    void assertEvery201IsAnAcceptedHold(RestBuyers buyers) {
        Set<String> accepted;
        synchronized (audit) {
            audit.catchUp();
            accepted = audit.resultsById.values().stream().map(rs -> rs.get(0))
                    .filter(r -> r.type() == CommandType.HOLD && r.outcome() == Outcome.ACCEPTED)
                    .map(r -> r.hold().holdId()).collect(Collectors.toSet());
        }
        Set<String> answered201 = buyers.settled.values().stream().filter(a -> a.status() == 201)
                .map(a -> Json.MAPPER.readTree(a.body()).get("holdId").asString()).collect(Collectors.toSet());
        assertThat(answered201).as("holds answered 201").isNotEmpty();
        assertThat(accepted).containsAll(answered201);
    }

    /** A fresh api-app serves, for every show, exactly the state replayed from seat-status. */
    void assertFreshApiAgrees(int apiIndex) throws Exception {
        try (AppProcess api = api(apiIndex).awaitHealthy(Duration.ofSeconds(120))) {
            Map<String, Audit.ShowState> expected;
            synchronized (audit) {
                expected = audit.fold(new ArrayList<>(), Map.of());
            }
            for (String show : load.shows()) {
                JsonNode body = rest(apiIndex).get("/api/shows/" + show, Tokens.token("auditor")).json();
                Audit.ShowState s = expected.get(show);
                assertThat(body.get("seq").asLong()).as(show + " seq").isEqualTo(s.seq);
                Map<String, String> served = new java.util.LinkedHashMap<>();
                body.get("seats").forEach(seat -> served.put(seat.get("seatId").asString(), seat.get("status").asString()));
                Map<String, String> replayed = new java.util.LinkedHashMap<>();
                s.seats.forEach((id, st) -> replayed.put(id, st.name()));
                assertThat(served).as(show + " seats served vs replayed from seat-status").isEqualTo(replayed);
            }
        }
    }

    @Override
    public void close() throws Exception {
        reader.shutdownNow();
        reader.awaitTermination(5, TimeUnit.SECONDS);
        load.close();
        audit.close();
        stack.close();
    }
}
