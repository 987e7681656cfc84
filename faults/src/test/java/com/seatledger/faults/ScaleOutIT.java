package com.seatledger.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.seatledger.harness.AppProcess;
import com.seatledger.topics.json.Json;

import tools.jackson.databind.JsonNode;

/**
 * Scale-out: two ledger-app instances (one application.id, num.standby.replicas=1) share six
 * partitions under load; one is killed with SIGKILL. Its shows must be decided by the other within
 * seconds (the failover time is measured and printed), with the same invariants as the crash loop.
 */
class ScaleOutIT {

    static final int PARTITIONS = 6;
    static final String STANDBY = "--spring.kafka.streams.properties.num.standby.replicas=1";

    @Test
    void theSurvivorTakesOverTheKilledInstancesShows() throws Exception {
        List<String> shows = FaultEnv.showsOnDistinctPartitions("scale", PARTITIONS, PARTITIONS);
        try (Scenario s = new Scenario("scale-out", 29492, PARTITIONS, shows)) {
            AppProcess first = s.ledger(0, STANDBY).awaitHealthy(Duration.ofSeconds(120));
            AppProcess second = s.ledger(1, STANDBY).awaitHealthy(Duration.ofSeconds(120));
            s.load.createShows();
            s.load.start(100);
            // both decide and each keeps a standby of the other's tasks
            await("partitions shared with standbys").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> tasks(first, "activeTaskIds").size() == 3 && tasks(second, "activeTaskIds").size() == 3
                            && tasks(first, "standbyTaskIds").equals(tasks(second, "activeTaskIds")));
            long before = s.audit.resultCount();
            await("load decided by both").atMost(Duration.ofSeconds(60)).until(() -> s.audit.resultCount() > before + 500);

            Set<Integer> orphaned = tasks(second, "activeTaskIds").stream()
                    .map(t -> Integer.parseInt(t.substring(t.indexOf('_') + 1))).collect(Collectors.toSet());
            second.kill();
            Instant killedAt = Instant.now();
            Duration failover = s.decidingAgainAfter(killedAt, Duration.ofSeconds(60),
                    show -> orphaned.contains(FaultEnv.partitionOf(show, PARTITIONS)));
            System.out.printf("[scale-out] killed the instance deciding partitions %s; its shows decided again by the "
                    + "survivor after %d ms%n", orphaned, failover.toMillis());
            await("the survivor decides every partition").atMost(Duration.ofSeconds(60))
                    .until(() -> tasks(first, "activeTaskIds").size() == PARTITIONS);

            long after = s.audit.resultCount();
            await("load decided by the survivor").atMost(Duration.ofSeconds(60))
                    .until(() -> s.audit.resultCount() > after + 500);
            s.load.stop();
            s.awaitSettled(Duration.ofSeconds(90));
            System.out.printf("[scale-out] %d command records, %d results%n", s.load.total(), s.audit.resultCount());
            s.assertInvariants();
            assertThat(failover).as("failover time").isLessThan(Duration.ofSeconds(30));
            s.assertFreshApiAgrees(0);
        }
    }

    static Set<String> tasks(AppProcess ledger, String which) throws Exception {
        JsonNode details = Json.MAPPER.readTree(ledger.healthBody()).path("components").path("kafkaStreams")
                .path("details").path(which);
        return details.valueStream().map(JsonNode::asString).collect(Collectors.toSet());
    }
}
