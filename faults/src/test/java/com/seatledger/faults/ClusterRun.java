package com.seatledger.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.seatledger.harness.AppProcess;
import com.seatledger.harness.Jars;
import com.seatledger.harness.LocalBroker;
import com.seatledger.harness.Stack;
import com.seatledger.topics.Topics;

/**
 * The cluster scenarios' world, as an on-sale would run it: three brokers (every topic with three
 * replicas, two in sync required; one broker for the upgrade), two ledger instances with a standby of each other's tasks, two
 * api-app instances behind a round-robin "load balancer" (the REST buyers), raw command load
 * besides. The checks at the end are every scenario's, plus: the REST answers were decisions or
 * 503 + Retry-After, nothing else.
 */
final class ClusterRun implements AutoCloseable {

    static final int PARTITIONS = 6;
    static final String REST_SHOW = "rest-show";
    /**
     * A standby of each other's tasks, and transactions that outlive a partition leader's move: a
     * broker loss stalls writes to the partitions it led until the controller moves them (its
     * session, 3 s here); a transaction timing out meanwhile is aborted and fences its producer,
     * and the rebalance that follows costs far more than the wait.
     */
    static final String[] LEDGER_ARGS = {ScaleOutIT.STANDBY,
            "--spring.kafka.streams.properties.producer.transaction.timeout.ms="
                    + Integer.getInteger("faults.cluster.txn-timeout", 20_000),
            "--spring.kafka.streams.properties.commit.interval.ms="
                    + Integer.getInteger("faults.cluster.commit-ms", 1_000)};
    static final List<String> CONTRACT_TOPICS = Topics.ALL.stream().map(t -> t.name()).toList();

    final Scenario s;
    final AppProcess[] ledgers = new AppProcess[2];
    final AppProcess[] apis = new AppProcess[2];
    final RestBuyers buyers;
    private final String name;

    ClusterRun(String name, int brokerPort) throws Exception {
        this(name, brokerPort, 3, null);
    }

    /** On {@code brokers} nodes, both apps from {@code jars} (null: this project's build). */
    ClusterRun(String name, int brokerPort, int brokers, Jars jars) throws Exception {
        this.name = name;
        this.s = new Scenario(name, brokerPort, PARTITIONS, FaultEnv.showsOnDistinctPartitions(name, 4, PARTITIONS),
                brokers);
        Jars first = jars == null ? s.stack.jars() : jars;
        for (int i = 0; i < 2; i++) {
            ledgers[i] = s.ledger(first, i, LEDGER_ARGS);
            apis[i] = s.api(first, i);
        }
        for (int i = 0; i < 2; i++) {
            ledgers[i].awaitHealthy(Duration.ofSeconds(180));
            apis[i].awaitHealthy(Duration.ofSeconds(180));
        }
        Stack.createShow(base(0), REST_SHOW, FaultEnv.hall(10, 40));
        s.load.createShows();
        s.load.start(Integer.getInteger("faults.cluster.load", 10));
        buyers = new RestBuyers(List.of(base(0), base(1)), REST_SHOW, "k-");
        buyers.start(Integer.getInteger("faults.cluster.rest", 5));
        awaitDecisions(300, "load decided on the cluster");
    }

    String base(int api) {
        return "http://localhost:" + s.apiPort(api);
    }

    void awaitDecisions(int more, String what) {
        long before = s.audit.resultCount();
        await(what).atMost(Duration.ofSeconds(120)).until(() -> s.audit.resultCount() >= before + more);
    }

    /** Waits until the node is back in every partition's in-sync replicas; returns how long that took. */
    Duration awaitInSync(LocalBroker node) {
        Instant t0 = Instant.now();
        await("node " + node.nodeId() + " in sync again").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500)).until(() -> s.stack.brokers.fullyInSync(CONTRACT_TOPICS));
        return Duration.between(t0, Instant.now());
    }

    /** The longest time, over the load's shows, from {@code since} until the show's next decision arrived. */
    Duration decidingAgainAfter(Instant since) {
        Duration worst = Duration.ZERO;
        for (String show : s.load.shows()) {
            Duration d = s.decidingAgainAfter(since, Duration.ofSeconds(120), show::equals);
            worst = d.compareTo(worst) > 0 ? d : worst;
        }
        return worst;
    }

    /**
     * Stops each ledger instance in turn (SIGTERM) and starts this build on its state folder, waiting
     * until it is healthy and the load is decided again, then each api-app instance the same way.
     * One line per step: how long it took and the REST answers meanwhile.
     */
    List<String> replaceLedgersThenApis(String verb) throws Exception {
        List<String> steps = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long from = System.currentTimeMillis();
            ledgers[i].stop();
            ledgers[i] = s.ledger(i, LEDGER_ARGS).awaitHealthy(Duration.ofSeconds(180));
            awaitDecisions(100, "load decided after ledger " + i + " was " + verb);
            steps.add(step("ledger " + i + " " + verb, from));
        }
        for (int i = 0; i < 2; i++) {
            long from = System.currentTimeMillis();
            apis[i].stop();
            apis[i] = s.api(i).awaitHealthy(Duration.ofSeconds(180));
            awaitDecisions(100, "load decided after api " + i + " was " + verb);
            steps.add(step("api " + i + " " + verb, from));
        }
        return steps;
    }

    /** "{what} in N ms; REST answers meanwhile: ..." for a step that began at {@code from}. */
    String step(String what, long from) {
        long to = System.currentTimeMillis();
        return String.format("%s in %d ms; REST answers meanwhile: %s", what, to - from, answerClasses(from, to));
    }

    /** The REST answers asked in [from, to) by class: decision (2xx/4xx), 503 (with Retry-After), other. */
    Map<String, Long> answerClasses(long from, long to) {
        return buyers.answers.stream().filter(a -> a.sentAtMillis() >= from && a.sentAtMillis() < to)
                .collect(Collectors.groupingBy(ClusterRun::answerClass, TreeMap::new, Collectors.counting()));
    }

    static String answerClass(RestBuyers.Answer a) {
        if (a.status() == 503 && a.retryAfter() != null) {
            return "503";
        }
        if (a.status() >= 200 && a.status() < 500) {
            return "decision";
        }
        return a.status() == -1 ? "no answer (retried on the other instance)" : "other " + a.status();
    }

    /** Stops the load, waits for every answer and result, and runs every check. */
    void finish() throws Exception {
        buyers.stop();
        s.load.stop();
        await("every REST buyer has a definitive answer").atMost(Duration.ofSeconds(120))
                .until(() -> buyers.settled.size() == buyers.askedCount());
        s.awaitSettled(Duration.ofSeconds(180));
        System.out.printf("[%s] %d command records, %d results; REST: %d requests for %d keys, %s%n", name,
                s.load.total(), s.audit.resultCount(), buyers.answers.size(), buyers.askedCount(),
                answerClasses(0, Long.MAX_VALUE));
        assertThat(buyers.answers).as("decisions or 503 + Retry-After; never another 5xx").allSatisfy(a -> {
            assertThat(answerClass(a)).as(a.toString()).isIn("decision", "503",
                    "no answer (retried on the other instance)");
        });
        assertThat(buyers.settled.values()).allSatisfy(a -> assertThat(a.status()).as(a.toString())
                .isIn(201, 409, 422));
        s.assertEvery201IsAnAcceptedHold(buyers);
        s.assertInvariants();
        s.assertFreshApiAgrees(2);
    }

    @Override
    public void close() throws Exception {
        buyers.close();
        s.close();
    }
}
