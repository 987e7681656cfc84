package com.seatledger.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.seatledger.harness.LocalBroker;

/**
 * A broker dies mid on-sale: three brokers (replication 3, min.insync.replicas 2), two ledger
 * instances with standbys, two api-app instances, raw commands and REST buyers. The broker leading
 * the most partitions is killed with SIGKILL; decisions must resume within seconds, the API answer
 * only decisions or 503 + Retry-After, and once the broker is back nothing accepted is missing.
 */
class ClusterBrokerLossIT {

    @Test
    void losingTheBusiestBrokerLosesNothing() throws Exception {
        try (ClusterRun run = new ClusterRun("cluster-loss", 28092)) {
            LocalBroker victim = run.s.stack.brokers.leaderOfMost(ClusterRun.CONTRACT_TOPICS);
            victim.kill();
            Instant killedAt = Instant.now();
            Duration stalled = run.decidingAgainAfter(killedAt);
            System.out.printf("[cluster-loss] killed node %d (it led the most partitions); every show decided "
                    + "again within %d ms%n", victim.nodeId(), stalled.toMillis());
            run.awaitDecisions(300, "load decided on two brokers");
            long downUntil = System.currentTimeMillis();

            victim.start();
            Duration inSync = run.awaitInSync(victim);
            System.out.printf("[cluster-loss] node %d back in sync %d ms after its restart; REST answers while it "
                    + "was away: %s%n", victim.nodeId(), inSync.toMillis(),
                    run.answerClasses(killedAt.toEpochMilli(), downUntil));
            run.awaitDecisions(300, "load decided on three brokers again");
            run.finish();
            // the target is 10 s (docs/reliability.md); this bound (60 s) only catches a regression to
            // waiting out Kafka's default timeouts on a busy CI machine
            assertThat(stalled).as("kill to every show decided again").isLessThan(Duration.ofSeconds(60));
        }
    }
}
